// What the e2e bench records per job and per run, for the pipeline and its baselines alike.
import type { FfmpegSpan } from './ffmpeg-timeline';

/** Seconds between the marks of one job's way through the pipeline (GET /v1/jobs/{id} + the wrapper). */
export interface PipelinePhases {
  /** POST complete sent → JobValidated (UploadCompleted, JobCreated, probe, MediaProbed, policy). */
  readonly toValidated: number;
  /** JobValidated → TranscodeStarted recorded (dispatch, waiting for a free runner, handing it the job: its `began`). */
  readonly toStarted: number;
  /** → the job's first ffmpeg started (the runner's own probe and plan). */
  readonly toFfmpeg: number;
  /** Last ffmpeg ended → JobCompleted (outputs stored, manifest, TranscodeFinished, JobCompleted). */
  readonly afterFfmpeg: number;
}

export interface JobTiming {
  readonly jobId: string;
  /** Epoch ms. Pipeline: POST complete sent → JobCompleted. Baseline: the use case's call → its return. */
  readonly startMs: number;
  readonly endMs: number;
  readonly latencySeconds: number;
  readonly ffmpeg: FfmpegSpan;
  /** The runner's own figure: RunResult.transcodeSeconds (baseline), the attempt's in GET /v1/jobs/{id} (pipeline). */
  readonly transcodeSeconds?: number;
  readonly phases?: PipelinePhases;
}

export interface RunTimings {
  readonly name: string;
  readonly jobs: readonly JobTiming[];
  /** First job submitted → last job done. */
  readonly wallSeconds: number;
}

export const runTimings = (name: string, jobs: readonly JobTiming[]): RunTimings => ({
  name,
  jobs,
  wallSeconds: (Math.max(...jobs.map((j) => j.endMs)) - Math.min(...jobs.map((j) => j.startMs))) / 1000,
});

/** latency − ffmpeg busy time: what the job cost besides transcoding. */
export const overheadSeconds = (job: JobTiming): number => job.latencySeconds - job.ffmpeg.busySeconds;

/** latency − the runner's own transcodeSeconds: what the job cost outside its runner's work. */
export const outsideRunnerSeconds = (job: JobTiming): number =>
  job.latencySeconds - (job.transcodeSeconds ?? Number.NaN);

export const jobsPerMinute = (run: RunTimings): number => (run.jobs.length / run.wallSeconds) * 60;
