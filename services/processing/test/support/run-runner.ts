// Runs the runner entrypoint as a child process with IPC, as the embedded pool and the tests do.
import { fork } from 'node:child_process';
import path from 'node:path';

const runnerPath = path.join(__dirname, '../../src/main/runner.ts');

interface RunOutcome {
  exitCode: number | null;
  stderr: string;
  messages: Array<{ type: string; [k: string]: unknown }>;
}

export const runRunner = (spec: object, env: Record<string, string>, opts: { killAfterProgress?: number } = {}): Promise<RunOutcome> =>
  new Promise((resolve, reject) => {
    const child = fork(runnerPath, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env, MEDIAFLOW_JOB_SPEC: JSON.stringify(spec), LOG_LEVEL: 'WARN' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // The runner's error logs are expected in several tests: keep them for a failure's message only.
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-20000)));
    const messages: RunOutcome['messages'] = [];
    let killed = false;
    child.on('message', (m) => {
      const message = m as RunOutcome['messages'][number];
      messages.push(message);
      if (!killed && opts.killAfterProgress !== undefined && message.type === 'progress' && (message.percent as number) >= opts.killAfterProgress) {
        killed = child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve({ exitCode, messages, stderr }));
  });

