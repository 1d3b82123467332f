// The report of `npm run test:repeat` (scripts/test-repeat.ts): from each run's jest `--json` result,
// the runs' counts, the tests that failed in some runs but not all (flaky) and those that failed in
// every run. Pure, so tests/test/test-repeat-report.test.ts feeds it synthetic results.
import path from 'node:path';

/** The part of jest's `--json` output the report reads. */
export interface JestJsonResult {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults: readonly {
    name: string;
    status: string;
    message?: string;
    assertionResults: readonly { fullName: string; status: string }[];
  }[];
}

/** One run: its jest result, or undefined when jest ended without writing one (crash, kill). */
export interface RepeatRun {
  result: JestJsonResult | undefined;
  exitCode: number;
  seconds: number;
}

interface RepeatReport {
  lines: string[];
  flaky: { test: string; failed: number }[];
  alwaysFailing: string[];
  /** Whether every run wrote a result, exited 0, and no test failed in any run. */
  ok: boolean;
}

/** The tests of one run that failed, named `file › full name`; a file that failed to run counts as one. */
const failuresOf = (result: JestJsonResult, rootDir: string): Set<string> => {
  const failed = new Set<string>();
  for (const file of result.testResults) {
    const rel = path.relative(rootDir, file.name) || file.name;
    const failedTests = file.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failedTests) failed.add(`${rel} › ${a.fullName}`);
    if (file.status === 'failed' && failedTests.length === 0) failed.add(`${rel} › (test file failed to run)`);
  }
  return failed;
};

export const repeatReport = (runs: readonly RepeatRun[], rootDir: string): RepeatReport => {
  const lines: string[] = [];
  const failedCounts = new Map<string, number>();
  let missing = 0;
  let exitedBadly = 0;
  runs.forEach((run, i) => {
    const head = `run ${i + 1}/${runs.length}:`;
    if (!run.result) {
      missing += 1;
      lines.push(`${head} jest wrote no result (exit code ${run.exitCode}, ${run.seconds.toFixed(1)} s)`);
      return;
    }
    const failures = failuresOf(run.result, rootDir);
    for (const t of failures) failedCounts.set(t, (failedCounts.get(t) ?? 0) + 1);
    const skipped = run.result.numPendingTests + (run.result.numTodoTests ?? 0);
    // jest can exit non-zero with no failed test (an open handle, a global teardown that threw).
    if (run.exitCode !== 0 && failures.size === 0) exitedBadly += 1;
    const exit = run.exitCode !== 0 && failures.size === 0 ? `, but jest exited with code ${run.exitCode}` : '';
    lines.push(`${head} ${run.result.numPassedTests} passed, ${failures.size} failed, ${skipped} skipped${exit} (${run.seconds.toFixed(1)} s)`);
  });
  const completed = runs.length - missing;
  const byName = [...failedCounts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const flaky = byName.filter(([, n]) => n < completed).map(([test, failed]) => ({ test, failed }));
  const alwaysFailing = byName.filter(([, n]) => n === completed).map(([test]) => test);
  for (const f of flaky) lines.push(`flaky: ${f.test} failed ${f.failed}/${completed}`);
  for (const t of alwaysFailing) lines.push(`failed in every run: ${t} failed ${completed}/${completed}`);
  const ok = missing === 0 && exitedBadly === 0 && byName.length === 0;
  lines.push(
    ok
      ? `test:repeat: ${runs.length} runs, no test failed`
      : `test:repeat: ${runs.length} runs, ${flaky.length} flaky, ${alwaysFailing.length} failed in every run` +
          (missing > 0 ? `, ${missing} without a result` : '') +
          (exitedBadly > 0 ? `, ${exitedBadly} exited non-zero without a failed test` : ''),
  );
  return { lines, flaky, alwaysFailing, ok };
};
