// What starting a runner costs, split as the embedded pool now pays it: the fork of the runner (the
// bundle the pool builds, plain node; runner.js from a build) up to its `ready` (every module loaded,
// ffmpeg found, the sandbox checked), which the pool pays ahead, off the job's path; and the handover of
// a job to a ready warm runner up to its `began` (the report processing publishes as TranscodeStarted),
// which each job pays. Measured alone, one runner at a time, with the pool's own entrypoint.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '@mediaflow/logging';
import { preparedRunnerEntrypoint, WARM_RUNNER_ARG, type RunnerEntrypoint, type WarmRunnerJob } from '@mediaflow/processing/runner';
import { fixed, median } from '../shared/stats';

export interface RunnerStartFigures {
  /** What the pool forks: "bundle" (built from sources), "runner.js" (a build) or "tsx" (the fallback). */
  readonly entry: string;
  /** Seconds to build (or find) the bundle, once per pool start. */
  readonly prepareSeconds: number;
  /** Fork → `ready`, per run. */
  readonly forkToReady: number[];
  /** Job sent to a ready runner → its `began`, per run. */
  readonly handoverToBegan: number[];
}

const entryKind = (entry: RunnerEntrypoint): string =>
  entry.execArgv.includes('--import') ? 'tsx' : entry.path.endsWith('.cjs') ? 'bundle' : 'runner.js';

/** One warm runner: fork → ready, then a job (an input that does not exist: it begins, then fails) → began. */
const startOnce = (entry: RunnerEntrypoint, dataDir: string): Promise<{ ready: number; began: number }> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir };
    delete env.MEDIAFLOW_JOB_SPEC;
    const forked = performance.now();
    let ready: number | undefined;
    let handedAt = 0;
    let began: number | undefined;
    const child = fork(entry.path, [WARM_RUNNER_ARG], {
      execArgv: [...entry.execArgv],
      env,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready' && ready === undefined) {
        ready = (performance.now() - forked) / 1000;
        const spec = { jobId: 'job_bench_start', input: path.join(dataDir, 'no-such-input.mp4'), outputPrefix: 'bench/start' };
        handedAt = performance.now();
        child.send({ type: 'job', spec } satisfies WarmRunnerJob);
      } else if (message.type === 'began' && began === undefined) {
        began = (performance.now() - handedAt) / 1000;
      }
    });
    child.on('error', reject);
    // Resolved only once it is gone, so the next measurement does not share the cores with it.
    child.on('exit', (code) =>
      ready !== undefined && began !== undefined
        ? resolve({ ready, began })
        : reject(new Error(`the warm runner exited with ${code} before ${ready === undefined ? 'ready' : 'began'}`)),
    );
  });

/** The pool's entrypoint (bundling it as the pool does), then `times` warm runners one after another. */
export const measureRunnerStart = async (times: number): Promise<RunnerStartFigures> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-runner-start-'));
  try {
    return await measure(times, dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

const measure = async (times: number, dataDir: string): Promise<RunnerStartFigures> => {
  const prepareStarted = performance.now();
  const entry = await preparedRunnerEntrypoint(createLogger('bench-e2e'));
  const prepareSeconds = (performance.now() - prepareStarted) / 1000;
  const forkToReady: number[] = [];
  const handoverToBegan: number[] = [];
  for (let i = 0; i < times; i++) {
    const { ready, began } = await startOnce(entry, dataDir);
    forkToReady.push(ready);
    handoverToBegan.push(began);
  }
  return { entry: entryKind(entry), prepareSeconds, forkToReady, handoverToBegan };
};

/** The lines bench/e2e prints under its phases table. */
export const describeRunnerStart = (f: RunnerStartFigures): string => {
  const list = (xs: number[], digits: number) => xs.map((x) => fixed(x, digits)).join(', ');
  return [
    `runner start, alone (${f.forkToReady.length} runs; the pool forks the runner ${f.entry === 'bundle' ? 'bundle (built once per pool start, plain node, no tsx)' : f.entry}):`,
    `  paid ahead by the pool, off the job's path: fork → ready (modules loaded, ffmpeg found, sandbox checked): median ${fixed(median(f.forkToReady), 2)} s (${list(f.forkToReady, 2)}); bundle built or found once: ${fixed(f.prepareSeconds, 2)} s`,
    `  paid by each job, in "JobValidated → TranscodeStarted" (TranscodeStarted is the runner's began): job handed to a ready warm runner → its began: median ${fixed(median(f.handoverToBegan) * 1000, 1)} ms (${list(f.handoverToBegan.map((x) => x * 1000), 1)})`,
    '',
  ].join('\n');
};
