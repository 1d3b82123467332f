// One attempt, as both runner entry points run it (runner.ts: one per process; warm-runner.ts: one
// after another): `began` first, then the runner use case with the sandboxed prober and transcoder,
// then the reporter's `finished` or `failed`. Returns how it ended; the caller decides what follows
// (an exit code, or the next message).
import type { Logger } from '@mediaflow/logging';
import type { JobSpec } from '../application/job-spec';
import { classifyRunnerFailure, type RunnerFailure } from '../application/runner-exit';
import { runTranscodeJob } from '../application/run-transcode-job';
import type { MediaBinaries } from '../media/ffmpeg-binaries';
import type { RunnerNetwork } from '../media/ffmpeg-input-guard';
import type { RunnerLimits } from '../media/ffmpeg-limits';
import { FfprobeMediaProber } from '../media/ffprobe-media-prober';
import { FfmpegTranscoder } from '../media/ffmpeg-transcoder';
import type { RunReporter, RunSummary } from '../ports/run-reporter';
import type { RunnerStorage } from './runner-storage';

export interface RunnerSetup {
  readonly binaries: MediaBinaries;
  /** Embedded: 'none' (inputs are local files); on AWS ffmpeg reads a presigned S3 URL. */
  readonly network: RunnerNetwork;
  readonly limits: RunnerLimits;
  readonly storage: RunnerStorage;
}

export type JobOutcome =
  | { readonly ok: true; readonly summary: RunSummary }
  | { readonly ok: false; readonly failure: RunnerFailure; readonly error: unknown };

export const runOneJob = async (
  spec: JobSpec,
  setup: RunnerSetup,
  reporter: RunReporter,
  log: Logger,
  signal: AbortSignal,
): Promise<JobOutcome> => {
  const { binaries, network, limits, storage } = setup;
  // First: the attempt left its queue (or its task was provisioned) and really runs.
  reporter.began();
  try {
    const result = await runTranscodeJob(
      spec,
      {
        prober: new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger: log, network }),
        transcoder: new FfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger: log, network, limits }),
        outputs: storage.outputs,
        resolveBlobInput: storage.resolveBlobInput,
        logger: log,
      },
      { signal, onProgress: (percent) => reporter.progress(percent) },
    );
    const summary: RunSummary = { manifest: result.manifest, transcodeSeconds: result.transcodeSeconds, planKind: result.plan.kind };
    await reporter.finished(summary);
    return { ok: true, summary };
  } catch (error) {
    const failure = classifyRunnerFailure(error);
    await reporter.failed(failure);
    return { ok: false, failure, error };
  }
};
