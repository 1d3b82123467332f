// The runner entrypoint: the command of the Fargate task and of the embedded child process.
//   runner --spec spec.json [--result result.json]     or MEDIAFLOW_JOB_SPEC='{"jobId":…}'
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
import { runOneJob } from './run-one-job';
import { watchParent } from './runner-parent-watch';
import { runReporterFor } from './runner-reporter';
import { stallSecondsFrom } from './processing-config';
import { runnerStorage } from './runner-storage';

const logger = createLogger('processing', { component: 'runner' });
const send = (message: object): void => {
  if (process.send && process.connected) process.send(message);
};

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const readSpec = (): JobSpec => {
  const file = argValue('--spec');
  const raw = file ? fs.readFileSync(file, 'utf8') : process.env.MEDIAFLOW_JOB_SPEC;
  if (!raw) throw Object.assign(new Error('no job spec: pass --spec FILE or set MEDIAFLOW_JOB_SPEC'), { invalidSpec: true });
  const parsed = JobSpecSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(spec)'}: ${i.message}`).join('; ');
    throw Object.assign(new Error(`invalid job spec: ${detail}`), { invalidSpec: true });
  }
  return parsed.data;
};

const main = async (): Promise<number> => {
  let spec: JobSpec;
  try {
    spec = readSpec();
  } catch (error) {
    logger.error('refusing the job spec', { error: error as Error });
    send({ type: 'failed', code: 'INVALID_JOB_SPEC', reason: (error as Error).message, retryable: false });
    return RunnerExit.InvalidSpec;
  }
  const config = loadConfig(BaseEnvironmentSchema, process.env);
  const aws = awsClientSettings(process.env);
  const binaries = mediaBinaries(process.env);
  const log = logger.createChild({ persistentKeys: { jobId: spec.jobId, attempt: String(spec.attempt) } });
  // Embedded, ffmpeg has no network (inputs are local files); on AWS it reads a presigned S3 URL.
  const network = config.MEDIAFLOW_MODE === 'embedded' ? 'none' : 'host';
  const limits = runnerLimitsFrom(process.env);
  log.info('runner starting', { ffmpeg: binaries.ffmpeg, ffprobe: binaries.ffprobe, mode: config.MEDIAFLOW_MODE, sandbox: sandboxLine(network).text, limits });
  const abort = new AbortController();
  // Repeated signals while ffmpeg is stopping must not kill us before partial outputs are removed
  // (ECS sends SIGKILL itself after the task's stop timeout).
  process.on('SIGTERM', () => abort.abort());
  process.on('SIGINT', () => abort.abort());
  // A parent killed with -9 cannot stop us: we stop ourselves; its restart fails this attempt as lost and a retry redoes it.
  const parentWatch = watchParent(() => {
    log.warn('the process that forked this runner is gone: stopping');
    abort.abort();
  });
  const storage = runnerStorage(config.MEDIAFLOW_MODE, config.MEDIAFLOW_ENV, config.MEDIAFLOW_DATA_DIR, aws);
  const reporter = runReporterFor({ mode: config.MEDIAFLOW_MODE, env: config.MEDIAFLOW_ENV, aws, stallSeconds: stallSecondsFrom(process.env), spec, logger: log, onAttemptEnded: () => abort.abort() });
  const outcome = await runOneJob(spec, { binaries, network, limits, storage }, reporter, log, abort.signal).finally(() => parentWatch.stop());
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

main().then(
  (code) => {
    process.exitCode = code;
    if (process.connected) process.disconnect();
  },
  (error: unknown) => {
    logger.critical('runner crashed', { error: error as Error });
    process.exitCode = RunnerExit.Crashed;
  },
);
