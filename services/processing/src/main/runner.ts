// The runner entrypoint: the command of the Fargate task and of the embedded child process.
//   runner --spec spec.json [--result result.json]     or MEDIAFLOW_JOB_SPEC='{"jobId":…}'
//   runner --warm      (the embedded pool) loads and checks everything, says `ready` over IPC, waits
//                      for a `job` message (adapters/local/warm-runner-protocol.ts) and runs it; after a
//                      success it says `ready` again and takes the next (runner-reuse-settings.ts), after
//                      anything else (a failure, a cancel) it exits.
// It reports through a RunReporter: over IPC to the parent when there is one, else (an ECS task)
// into processing's event store. The exit code says what happened (application/runner-exit.ts).
// SIGTERM, or losing the parent that forked it, stops ffmpeg cleanly and removes partial outputs.
import fs from 'node:fs';
import { awsClientSettings, BaseEnvironmentSchema, loadConfig } from '@mediaflow/config';
import { createLogger } from '@mediaflow/logging';
import { mediaBinaries } from '../media/ffmpeg-binaries';
import { runnerLimitsFrom } from '../media/runner-limits-settings';
import { sandboxLine } from '../media/ffmpeg-sandbox';
import { JobSpecSchema, type JobSpec } from '../application/job-spec';
import { RunnerExit } from '../application/runner-exit';
import { WARM_RUNNER_ARG, type WarmRunnerReady } from '../adapters/local/warm-runner-protocol';
import { runOneJob } from './run-one-job';
import { watchParent } from './runner-parent-watch';
import { runReporterFor } from './runner-reporter';
import { runnerReuseFrom, takesAnotherJob } from './runner-reuse-settings';
import { stallSecondsFrom } from './processing-config';
import { runnerStorage } from './runner-storage';
import { awaitJob } from './warm-job';

const logger = createLogger('processing', { component: 'runner' });
// With a callback, a parent gone mid-write (EPIPE) is that callback's error, not an 'error' event that
// would crash the runner before it stops ffmpeg; the parent watch handles the parent's loss.
const send = (message: object): void => {
  if (process.send && process.connected) process.send(message, undefined, {}, () => undefined);
};

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** JobSpecSchema's verdict on a spec, however it came (file, environment, the pool's `job` message). */
const validSpec = (value: unknown): JobSpec => {
  const parsed = JobSpecSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(spec)'}: ${i.message}`).join('; ');
    throw Object.assign(new Error(`invalid job spec: ${detail}`), { invalidSpec: true });
  }
  return parsed.data;
};

const specFromArgsOrEnv = (): JobSpec => {
  const file = argValue('--spec');
  const raw = file ? fs.readFileSync(file, 'utf8') : process.env.MEDIAFLOW_JOB_SPEC;
  if (!raw) throw Object.assign(new Error('no job spec: pass --spec FILE or set MEDIAFLOW_JOB_SPEC'), { invalidSpec: true });
  return validSpec(JSON.parse(raw));
};

const refuseSpec = (error: unknown): number => {
  logger.error('refusing the job spec', { error: error as Error });
  send({ type: 'failed', code: 'INVALID_JOB_SPEC', reason: (error as Error).message, retryable: false });
  return RunnerExit.InvalidSpec;
};

/** Everything a job needs that does not depend on it: a warm runner does this before it says ready. */
const prepare = () => {
  const config = loadConfig(BaseEnvironmentSchema, process.env);
  const aws = awsClientSettings(process.env);
  const binaries = mediaBinaries(process.env);
  // Embedded, ffmpeg has no network (inputs are local files); on AWS it reads a presigned S3 URL.
  const network = config.MEDIAFLOW_MODE === 'embedded' ? 'none' : 'host';
  const limits = runnerLimitsFrom(process.env);
  const storage = runnerStorage(config.MEDIAFLOW_MODE, config.MEDIAFLOW_ENV, config.MEDIAFLOW_DATA_DIR, aws);
  const sandbox = sandboxLine(network).text; // asks once per process whether prlimit and unshare work
  return { config, aws, sandbox, setup: { binaries, network, limits, storage } as const };
};
type Prepared = ReturnType<typeof prepare>;

const runJob = async (spec: JobSpec, prepared: Prepared, stopped: AbortSignal): Promise<number> => {
  const { config, aws, sandbox, setup } = prepared;
  const { binaries, limits } = setup;
  const log = logger.createChild({ persistentKeys: { jobId: spec.jobId, attempt: String(spec.attempt) } });
  log.info('runner starting', { ffmpeg: binaries.ffmpeg, ffprobe: binaries.ffprobe, mode: config.MEDIAFLOW_MODE, sandbox, limits });
  // The job's own signal, so what a job hangs on it goes with the job in a process that runs many.
  const job = new AbortController();
  const stop = (): void => job.abort();
  stopped.addEventListener('abort', stop, { once: true });
  if (stopped.aborted) job.abort();
  const reporter = runReporterFor({ mode: config.MEDIAFLOW_MODE, env: config.MEDIAFLOW_ENV, aws, stallSeconds: stallSecondsFrom(process.env), spec, logger: log, onAttemptEnded: () => job.abort() });
  const outcome = await runOneJob(spec, setup, reporter, log, job.signal).finally(() =>
    stopped.removeEventListener('abort', stop),
  );
  if (!outcome.ok) {
    log.error('runner failed', { failure: outcome.failure, error: outcome.error as Error });
    return outcome.failure.exitCode;
  }
  const { summary } = outcome;
  const resultFile = argValue('--result');
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ type: 'finished', ...summary }, null, 2));
  log.info('runner finished', { outputs: summary.manifest.length, transcodeSeconds: summary.transcodeSeconds });
  return RunnerExit.Succeeded;
};

const main = async (): Promise<number> => {
  const warm = process.argv.includes(WARM_RUNNER_ARG);
  let spec: JobSpec | undefined;
  if (!warm) {
    try {
      spec = specFromArgsOrEnv();
    } catch (error) {
      return refuseSpec(error);
    }
  }
  const prepared = prepare();
  const abort = new AbortController();
  // Repeated signals while ffmpeg is stopping must not kill us before partial outputs are removed
  // (ECS sends SIGKILL itself after the task's stop timeout). Before a warm runner's job: just exit.
  process.on('SIGTERM', () => abort.abort());
  process.on('SIGINT', () => abort.abort());
  // A parent killed with -9 cannot stop us: we stop ourselves; its restart fails this attempt as lost and a retry redoes it.
  // A warm runner waiting for a job just exits.
  const parentWatch = watchParent(() => {
    logger.warn('the process that forked this runner is gone: stopping');
    abort.abort();
  });
  try {
    return spec ? await runJob(spec, prepared, abort.signal) : await serveWarm(prepared, abort.signal);
  } finally {
    parentWatch.stop();
  }
};

/**
 * The embedded pool's runner: `ready`, a job, and again while its jobs succeed and reuse allows; the
 * exit code of the last job (or Cancelled when stopped while waiting). A failed or stopped job ends
 * the process, so nothing of it can reach the next job.
 */
const serveWarm = async (prepared: Prepared, stopped: AbortSignal): Promise<number> => {
  const reuse = runnerReuseFrom(process.env);
  for (let jobsDone = 0; ; ) {
    logger.debug('warm runner ready', { sandbox: prepared.sandbox, jobsDone });
    send({ type: 'ready' } satisfies WarmRunnerReady);
    const job = await awaitJob(stopped, logger);
    if (!job) return RunnerExit.Cancelled;
    let spec: JobSpec;
    try {
      spec = validSpec(job.spec);
    } catch (error) {
      return refuseSpec(error);
    }
    const code = await runJob(spec, prepared, stopped);
    jobsDone += 1;
    if (code !== RunnerExit.Succeeded || stopped.aborted) return code;
    const rssBytes = process.memoryUsage.rss();
    if (!takesAnotherJob(reuse, jobsDone, rssBytes)) {
      logger.info('warm runner retiring', { jobsDone, rssBytes });
      return code;
    }
  }
};

main().then(
  (code) => {
    process.exitCode = code;
    if (process.connected) process.disconnect();
  },
  (error: unknown) => {
    logger.critical('runner crashed', { error: error as Error });
    process.exitCode = RunnerExit.Crashed;
    if (process.connected) process.disconnect();
  },
);
