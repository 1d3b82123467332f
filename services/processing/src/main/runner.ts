// The runner entrypoint: the command of the Fargate task and of the embedded child process.
//   runner --spec spec.json [--result result.json]     or MEDIAFLOW_JOB_SPEC='{"jobId":…}'
// Progress goes to the parent over IPC when there is one; the exit code says what happened
// (see application/runner-exit.ts). SIGTERM stops ffmpeg cleanly and removes partial outputs.
import fs from 'node:fs';
import { loadConfig, BaseEnvironmentSchema } from '@mediaflow/config';
import { createLogger } from '@mediaflow/logging';
import { FfprobeMediaProber } from '../adapters/local/ffprobe-media-prober';
import { mediaBinaries } from '../adapters/local/ffmpeg-binaries';
import { FluentFfmpegTranscoder } from '../adapters/local/fluent-ffmpeg-transcoder';
import { JobSpecSchema, type JobSpec } from '../application/job-spec';
import { classifyRunnerFailure, RunnerExit } from '../application/runner-exit';
import { runTranscodeJob } from '../application/run-transcode-job';
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
  const config = loadConfig(BaseEnvironmentSchema);
  const binaries = mediaBinaries();
  const log = logger.createChild({ persistentKeys: { jobId: spec.jobId, attempt: String(spec.attempt) } });
  log.info('runner starting', { ffmpeg: binaries.ffmpeg, ffprobe: binaries.ffprobe, mode: config.MEDIAFLOW_MODE });
  const abort = new AbortController();
  // Repeated signals while ffmpeg is stopping must not kill us before partial outputs are removed
  // (ECS sends SIGKILL itself after the task's stop timeout).
  process.on('SIGTERM', () => abort.abort());
  process.on('SIGINT', () => abort.abort());
  const storage = runnerStorage(config.MEDIAFLOW_MODE, config.MEDIAFLOW_ENV, config.MEDIAFLOW_DATA_DIR);
  let lastLogged = -10;
  try {
    const result = await runTranscodeJob(
      spec,
      {
        prober: new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger: log }),
        transcoder: new FluentFfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger: log }),
        outputs: storage.outputs,
        resolveBlobInput: storage.resolveBlobInput,
        logger: log,
      },
      {
        signal: abort.signal,
        onProgress: (percent) => {
          send({ type: 'progress', percent });
          if (percent - lastLogged >= 10) log.info('progress', { percent: (lastLogged = percent) });
        },
      },
    );
    const summary = { type: 'finished', manifest: result.manifest, transcodeSeconds: result.transcodeSeconds, planKind: result.plan.kind };
    send(summary);
    const resultFile = argValue('--result');
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
    log.info('runner finished', { outputs: result.manifest.length, transcodeSeconds: result.transcodeSeconds });
    return RunnerExit.Succeeded;
  } catch (error) {
    const failure = classifyRunnerFailure(error);
    send({ type: 'failed', ...failure });
    log.error('runner failed', { failure, error: error as Error });
    return failure.exitCode;
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
  },
);
