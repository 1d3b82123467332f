// The baseline: the runner's use case (runTranscodeJob: probe, plan, FfmpegTranscoder, store the
// outputs) called in this process on the local clip, with no services, bus, HTTP or child process —
// N jobs one after another, or `width` at a time.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { Logger } from '@mediaflow/logging';
import { type MediaBinary, FfprobeMediaProber, FfmpegTranscoder } from '@mediaflow/processing/media';
import { JobSpecSchema, runTranscodeJob, type RunnerDependencies } from '@mediaflow/processing/runner';
import type { FfmpegTimeline } from './ffmpeg-timeline';
import { runTimings, type JobTiming, type RunTimings } from './job-timing';

export interface BaselineSetup {
  readonly clip: string;
  readonly profile: string;
  readonly ffprobe: MediaBinary;
  readonly timeline: FfmpegTimeline;
  readonly logger: Logger;
}

let runs = 0;

const runOne = async (setup: BaselineSetup, deps: RunnerDependencies, jobId: string): Promise<JobTiming> => {
  const spec = JobSpecSchema.parse({
    jobId,
    input: setup.clip,
    outputPrefix: `bench/${jobId}`,
    profile: setup.profile,
  });
  const startMs = Date.now();
  const result = await runTranscodeJob(spec, deps);
  const endMs = Date.now();
  const ffmpeg = await setup.timeline.spanOf(jobId);
  if (!ffmpeg) throw new Error(`no ffmpeg run recorded for baseline job ${jobId}`);
  return {
    jobId,
    startMs,
    endMs,
    latencySeconds: (endMs - startMs) / 1000,
    ffmpeg,
    transcodeSeconds: result.transcodeSeconds,
  };
};

/** Runs `count` jobs, at most `width` at once, each writing to its own prefix of a scratch folder. */
export const runBaseline = async (
  setup: BaselineSetup,
  name: string,
  count: number,
  width: number,
): Promise<RunTimings> => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mediaflow-bench-e2e-baseline-'));
  const deps: RunnerDependencies = {
    prober: new FfprobeMediaProber({ ffprobe: setup.ffprobe, logger: setup.logger }),
    transcoder: new FfmpegTranscoder({ ffmpegPath: setup.timeline.wrapperPath, logger: setup.logger }),
    outputs: new LocalDiskBlobStorage({ root }),
    resolveBlobInput: () => Promise.reject(new Error('the baseline reads a local file')),
    logger: setup.logger,
  };
  const ids = Array.from({ length: count }, (_, i) => `bench_${(runs += 1)}_${i + 1}`);
  const jobs: JobTiming[] = [];
  try {
    const worker = async (): Promise<void> => {
      for (let id = ids.shift(); id; id = ids.shift()) jobs.push(await runOne(setup, deps, id));
    };
    await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  return runTimings(name, jobs);
};
