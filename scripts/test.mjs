#!/usr/bin/env node
// `npm test`: type-check, lint, then every jest suite in one run. jest's globalSetup installs and
// starts the AWS emulator (moto in .venv) unless AWS_ENDPOINT_URL names one; ffmpeg comes from PATH
// or, when none is there, from the npm installer packages. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-test-')), 'summary.json');
process.env.MEDIAFLOW_TEST_SUMMARY_FILE = summaryFile;
const closingLine = () => {
  if (!fs.existsSync(summaryFile)) return;
  const { passed, failed, skipped } = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  // The one closing line a CI reader looks for ('N passed, N failed'), on both streams so it is last
  // whichever stream is read; nothing else this script prints says "passed".
  const line = `\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
  process.stderr.write(line);
  process.stdout.write(line);
};

const step = (title, cmd, args) => {
  process.stderr.write(`\n== ${title}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(`\n== ${title} failed after ${seconds} s\n`);
    closingLine();
    process.exit(r.status ?? 1);
  }
  process.stderr.write(`== ${title}: ok after ${seconds} s\n`);
};

const jestArgs = process.argv.slice(2);
if (jestArgs.length === 0) {
  step('typecheck (tsc --noEmit)', 'npx', ['tsc', '-p', 'tsconfig.json']);
  // The web UI's browser code has its own settings (DOM library, Preact JSX).
  step('typecheck web UI (tsc --noEmit -p web/app)', 'npx', ['tsc', '-p', 'web/app/tsconfig.json']);
  step('typecheck web UI tests (tsc --noEmit -p web/test)', 'npx', ['tsc', '-p', 'web/test/tsconfig.json']);
  step('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings', '0']);
  // The one package other teams install: it must build on its own, without node or DOM types.
  step('build (turbo run build: @mediaflow/contracts as published)', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}
step('tests (jest)', 'npx', ['jest', ...(process.env.CI ? ['--ci'] : []), ...jestArgs]);
closingLine();
