// What a runner pays before it can work: fork the runner entrypoint exactly as the embedded pool does
// (same file, same tsx loader from sources, IPC channel) with an empty job spec, so it loads all its
// modules and reports the refusal over IPC. Measured alone, it splits the pipeline's "TranscodeStarted
// → first ffmpeg" phase into process start and the rest (waiting for a slot, the runner's own probe).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runnerEntrypoint, RunnerExit } from '@mediaflow/processing/runner';

/** Fork → the runner's first IPC message (its refusal of the spec: every module loaded, main() ran). */
const startOnce = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const entry = runnerEntrypoint();
    const env: NodeJS.ProcessEnv = { ...process.env, MEDIAFLOW_MODE: 'embedded' };
    delete env.MEDIAFLOW_JOB_SPEC;
    const started = performance.now();
    let ready: number | undefined;
    const child = fork(entry.path, [], {
      execArgv: [...entry.execArgv],
      env,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    child.once('message', () => (ready = (performance.now() - started) / 1000));
    child.on('error', reject);
    // Resolved only once it is gone, so the next measurement does not share the cores with it.
    child.on('exit', (code) =>
      code === RunnerExit.InvalidSpec && ready !== undefined
        ? resolve(ready)
        : reject(
            new Error(
              `the runner exited with ${code} on an empty spec (expected ${RunnerExit.InvalidSpec} after a message)`,
            ),
          ),
    );
  });

/** Seconds from fork to ready, `times` runs one after another. */
export const measureRunnerStart = async (times: number): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await startOnce());
  return samples;
};
