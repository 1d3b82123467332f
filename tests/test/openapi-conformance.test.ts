// The document is the API: Schemathesis (pinned, in the repo's .venv beside moto) generates requests
// from /openapi.json of an embedded deployment and checks every answer against the document: all
// checks, a bounded number of examples per operation, every phase (examples, coverage, fuzzing,
// stateful), a fixed seed. The SSE route is left out (a stream never ends). 0 failures, 0 errors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';

// Plain CommonJS with no types: packages/testing/src/moto.js is shared with jest's global setup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const venv = require('@mediaflow/testing') as { ensureSchemathesis(): string; SCHEMATHESIS_VERSION: string };

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const MAX_EXAMPLES = process.env.MEDIAFLOW_SCHEMATHESIS_EXAMPLES ?? '50';
const SEED = process.env.MEDIAFLOW_SCHEMATHESIS_SEED ?? '14';

const runSchemathesis = (bin: string, args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    // Its crash cache (for `st replay`) goes to a temp folder, not into the working tree.
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-schemathesis-'));
    const child = spawn(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });

describe('OpenAPI document conformance (Schemathesis)', () => {
  let t: TestDeployment;
  let bin: string;
  beforeAll(async () => {
    // Fails loudly (no skip) when python3 or PyPI is missing: the check is part of the suite.
    bin = venv.ensureSchemathesis();
    t = await startTestDeployment();
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('finds 0 failures and 0 errors over every operation, stateful phase included', async () => {
    const url = t.deployment.url;
    const started = Date.now();
    const { code, output } = await runSchemathesis(bin, [
      '--config-file',
      path.join(__dirname, '..', 'schemathesis.toml'),
      'run',
      `${url}/openapi.json`,
      '-u',
      url,
      '-H',
      `Authorization: Bearer ${t.ownerToken}`,
      '--checks',
      'all',
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--exclude-path-regex',
      '^/v1/events$',
      '--generation-database',
      'none',
      '--no-color',
      '--workers',
      '1',
    ]);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = output.slice(output.lastIndexOf('SUMMARY') >= 0 ? output.lastIndexOf('SUMMARY') - 40 : -3000);
    // Each line is prefixed: Schemathesis frames its summary like pytest's closing line
    // ("=== 2 warnings in 16s ==="), which a CI reader would take for a run of no test.
    const prefixed = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => `  schemathesis | ${line.replace(/^=+\s*|\s*=+$/g, '')}`)
        .join('\n');
    const failures = /(\d+) failures?\b/i.exec(output)?.[1] ?? '0';
    const errors = /(\d+) errors?\b/i.exec(output)?.[1] ?? '0';
    process.stderr.write(
      `\n[schemathesis ${venv.SCHEMATHESIS_VERSION}] ${seconds} s, exit ${code}: ${failures} failures, ${errors} errors\n${prefixed(summary)}\n`,
    );
    if (code !== 0) process.stderr.write(prefixed(output));
    expect(output).toMatch(/SUMMARY/);
    expect(output).not.toMatch(/\d+ failures?\b/i);
    expect(output).not.toMatch(/\d+ errors?\b/i);
    expect(code).toBe(0);
  }, 240_000);
});
