// `npm run test:repeat`'s report, fed synthetic jest `--json` results: a test that passes every run,
// one that fails every run, one that fails once in three, and runs that broke without a result.
import path from 'node:path';
import { repeatReport, type JestJsonResult, type RepeatRun } from '../../scripts/test-repeat-report';

const root = '/repo';
const file = path.join(root, 'services/jobs/test/a.test.ts');

const run = (flakyStatus: 'passed' | 'failed'): RepeatRun => {
  const statuses = { 'stable passes': 'passed', 'stable fails': 'failed', 'flaky one': flakyStatus, skipped: 'pending' };
  const assertionResults = Object.entries(statuses).map(([fullName, status]) => ({ fullName: `suite ${fullName}`, status }));
  const result: JestJsonResult = {
    numPassedTests: assertionResults.filter((a) => a.status === 'passed').length,
    numFailedTests: assertionResults.filter((a) => a.status === 'failed').length,
    numPendingTests: 1,
    testResults: [{ name: file, status: 'failed', assertionResults }],
  };
  return { result, exitCode: 1, seconds: 2.5 };
};

it('names the flaky test with its failure count, and the test that failed in every run', () => {
  const report = repeatReport([run('passed'), run('failed'), run('passed')], root);
  expect(report.flaky).toEqual([{ test: 'services/jobs/test/a.test.ts › suite flaky one', failed: 1 }]);
  expect(report.alwaysFailing).toEqual(['services/jobs/test/a.test.ts › suite stable fails']);
  expect(report.ok).toBe(false);
  expect(report.lines).toEqual([
    'run 1/3: 2 passed, 1 failed, 1 skipped (2.5 s)',
    'run 2/3: 1 passed, 2 failed, 1 skipped (2.5 s)',
    'run 3/3: 2 passed, 1 failed, 1 skipped (2.5 s)',
    'flaky: services/jobs/test/a.test.ts › suite flaky one failed 1/3',
    'failed in every run: services/jobs/test/a.test.ts › suite stable fails failed 3/3',
    'test:repeat: 3 runs, 1 flaky, 1 failed in every run',
  ]);
});

it('is ok only when every run passed', () => {
  const pass: RepeatRun = {
    result: { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, testResults: [{ name: file, status: 'passed', assertionResults: [{ fullName: 'x', status: 'passed' }] }] },
    exitCode: 0,
    seconds: 1,
  };
  const report = repeatReport([pass, pass], root);
  expect(report).toMatchObject({ ok: true, flaky: [], alwaysFailing: [] });
  expect(report.lines.at(-1)).toBe('test:repeat: 2 runs, no test failed');
});

it('counts a test file that failed to run, a run without a result and a non-zero exit without failures', () => {
  const broken: RepeatRun = {
    result: { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, testResults: [{ name: file, status: 'failed', message: 'SyntaxError', assertionResults: [] }] },
    exitCode: 1,
    seconds: 1,
  };
  const openHandle: RepeatRun = { result: { numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, testResults: [] }, exitCode: 1, seconds: 1 };
  const crashed: RepeatRun = { result: undefined, exitCode: 137, seconds: 1 };
  const report = repeatReport([broken, openHandle, crashed], root);
  expect(report.ok).toBe(false);
  expect(report.flaky).toEqual([{ test: 'services/jobs/test/a.test.ts › (test file failed to run)', failed: 1 }]);
  expect(report.lines).toContain('run 2/3: 1 passed, 0 failed, 0 skipped, but jest exited with code 1 (1.0 s)');
  expect(report.lines).toContain('run 3/3: jest wrote no result (exit code 137, 1.0 s)');
  expect(report.lines.at(-1)).toBe('test:repeat: 3 runs, 1 flaky, 0 failed in every run, 1 without a result, 1 exited non-zero without a failed test');
});
