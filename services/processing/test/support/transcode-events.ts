// Recorded Transcode events for one job, as tests need them in given/when/then specs and seeded streams.
import type { EventDataOf } from '@mediaflow/contracts';
import type { TranscodeEvent, TranscodeRegistration } from '../../src/domain/transcode-events';

export const JOB = 'job_01TEST';

export const registration = (overrides: Partial<TranscodeRegistration> = {}): TranscodeRegistration => ({
  jobId: JOB,
  uploadId: 'up_01TEST',
  input: { key: 'owner-1/up_01TEST/source' },
  profile: 'sd',
  ownerId: 'owner-1',
  correlationId: 'corr-1',
  ...overrides,
});

export const registered = (overrides: Partial<TranscodeRegistration> = {}): TranscodeEvent => ({
  type: 'TranscodeRegistered',
  data: registration(overrides),
});

export const mediaInfo: EventDataOf<'MediaProbed', 1>['mediaInfo'] = {
  kind: 'video',
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  sizeBytes: 1000,
  durationSeconds: 2,
  video: { codec: 'h264', width: 640, height: 360, rotation: 0, frameRate: 25, variableFrameRate: false },
};

export const probed: TranscodeEvent = { type: 'MediaProbed', data: { jobId: JOB, mediaInfo } };

export const manifest: EventDataOf<'TranscodeFinished', 1>['manifest'] = {
  outputs: [
    { key: `owner-1/${JOB}/hls/master.m3u8`, kind: 'hls-master', sizeBytes: 10, sha256: 'a'.repeat(64) },
  ],
};

/** The attempt handed to a runner (it may still wait for a slot or a task). */
export const dispatched = (attempt: number, runnerId = `runner-${attempt}`): TranscodeEvent => ({
  type: 'TranscodeAttemptDispatched',
  data: { jobId: JOB, attempt, runnerId },
});

/** The runner began the attempt: the public TranscodeStarted. */
export const started = (attempt: number, runnerId = `runner-${attempt}`): TranscodeEvent => ({
  type: 'TranscodeStarted',
  data: { jobId: JOB, attempt, runnerId },
});

/** Streams written before TranscodeAttemptDispatched: TranscodeStarted was the dispatch, this the runner's start. */
export const legacyBegan = (attempt: number): TranscodeEvent => ({
  type: 'TranscodeRunnerBegan',
  data: { jobId: JOB, attempt },
});

export const progressed = (attempt: number, percent: number): TranscodeEvent => ({
  type: 'TranscodeProgressed',
  data: { jobId: JOB, attempt, percent },
});

export const failed = (attempt: number, code = 'TRANSCODE_FAILED', retryable = true): TranscodeEvent => ({
  type: 'TranscodeFailed',
  data: { jobId: JOB, attempt, code, reason: 'it broke', retryable },
});

export const finished = (attempt: number): TranscodeEvent => ({
  type: 'TranscodeFinished',
  data: { jobId: JOB, attempt, manifest },
});

export const cancelled = (attempt?: number): TranscodeEvent => ({
  type: 'TranscodeCancelled',
  data: { jobId: JOB, ...(attempt === undefined ? {} : { attempt }) },
});
