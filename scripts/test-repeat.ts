// `npm run test:repeat -- N [jest arguments…]`: runs jest N times through scripts/test.mjs (its jest
// invocation and emulator setup; with arguments it skips the type-check and lint), a file, a pattern
// or, with none, the whole suite, and prints which tests failed in some runs but not all (flaky) and
// which failed in every run. Exits 1 when any test failed in any run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repeatReport, type JestJsonResult, type RepeatRun } from './test-repeat-report';

const root = path.resolve(__dirname, '..');
const [count, ...jestArgs] = process.argv.slice(2);
const runs = Number(count);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run test:repeat -- N [jest arguments…]   (N ≥ 1; no arguments: the whole suite)\n');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-test-repeat-'));
const results: RepeatRun[] = [];
for (let i = 1; i <= runs; i += 1) {
  const outputFile = path.join(dir, `run-${i}.json`);
  process.stderr.write(`\n== test:repeat run ${i}/${runs}: jest ${jestArgs.join(' ') || '(whole suite)'}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'test.mjs'), '--json', `--outputFile=${outputFile}`, ...jestArgs], {
    stdio: 'inherit',
    cwd: root,
    env: process.env,
  });
  const result = fs.existsSync(outputFile) ? (JSON.parse(fs.readFileSync(outputFile, 'utf8')) as JestJsonResult) : undefined;
  results.push({ result, exitCode: r.status ?? 1, seconds: (Date.now() - started) / 1000 });
}

const report = repeatReport(results, root);
process.stdout.write(`\n${report.lines.join('\n')}\n(jest results in ${dir})\n`);
process.exit(report.ok ? 0 : 1);
