// A runner whose parent dies before the runner has even loaded (a kill -9 of the embedded process just
// after it forked the runner) must stop by itself, not transcode and store outputs as an orphan.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateClip } from '../../src/testing/clips';
import { alive } from '../support/process-alive';

const runnerPath = path.join(__dirname, '../../src/main/runner.ts');

describe('runner whose parent is killed right after forking it', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-orphan-'));
  let runnerPid: number | undefined;
  afterAll(() => {
    if (runnerPid && alive(runnerPid)) process.kill(runnerPid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops without storing any output', async () => {
    const clip = await generateClip('landscape');
    const spec = { jobId: 'job-orphan', input: clip.path, outputPrefix: 'owner-1/job-orphan', profile: 'sd' };
    // The parent forks the runner, prints its pid and kills itself at once: the runner starts orphaned.
    const parent = `
      const { fork } = require('node:child_process');
      const child = fork(${JSON.stringify(runnerPath)}, [], {
        execArgv: ['--import', ${JSON.stringify(pathToFileURL(require.resolve('tsx')).href)}],
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      process.stdout.write(String(child.pid), () => process.kill(process.pid, 'SIGKILL'));`;
    const env = { ...process.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, MEDIAFLOW_JOB_SPEC: JSON.stringify(spec), LOG_LEVEL: 'ERROR' };
    try {
      execFileSync(process.execPath, ['-e', parent], { env, encoding: 'utf8' });
    } catch (error) {
      runnerPid = Number((error as { stdout: string }).stdout); // the parent ends by SIGKILL, so "fails"
    }
    expect(runnerPid).toBeGreaterThan(0);
    const deadline = Date.now() + 60_000;
    while (alive(runnerPid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(runnerPid!)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'blobs', 'outputs', 'objects', 'owner-1', 'job-orphan', 'manifest.json'))).toBe(false);
  }, 90_000);
});
