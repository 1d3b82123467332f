// What happens to one job's transcode, as processing records it in stream `transcode-<jobId>`: the
// public events (MediaProbed … TranscodeFailed, published by the outbox) and internal ones that stay
// in the service (registration from ProbeRequested, cancellation, outputs, an attempt dispatched to a
// runner that has not begun yet, a superseded attempt).
import type { EventDataOf } from '@mediaflow/contracts';

/** What ProbeRequested told us and later steps need: the input key, the profile and who owns the job. */
export interface TranscodeRegistration {
  readonly jobId: string;
  readonly uploadId: string;
  readonly input: { readonly key: string; readonly bucket?: string };
  readonly profile: string;
  /** Owner and correlation of the job, for events no incoming event causes (watchdog, runner reports). */
  readonly ownerId: string;
  readonly correlationId: string;
}

export type TranscodeEvent =
  | { readonly type: 'TranscodeRegistered'; readonly data: TranscodeRegistration }
  | { readonly type: 'MediaProbed'; readonly data: EventDataOf<'MediaProbed', 1> }
  | { readonly type: 'ProbeFailed'; readonly data: EventDataOf<'ProbeFailed', 1> }
  | { readonly type: 'TranscodeStarted'; readonly data: EventDataOf<'TranscodeStarted', 1> }
  | { readonly type: 'TranscodeProgressed'; readonly data: EventDataOf<'TranscodeProgressed', 1> }
  | { readonly type: 'TranscodeFinished'; readonly data: EventDataOf<'TranscodeFinished', 1> }
  | { readonly type: 'TranscodeFailed'; readonly data: EventDataOf<'TranscodeFailed', 1> }
  | {
      readonly type: 'TranscodeCancelled';
      readonly data: { jobId: string; attempt?: number; reason?: string };
    }
  /** Where the job's outputs go (TranscodeRequested's plan), recorded when its first attempt starts. */
  | { readonly type: 'TranscodeOutputsPlanned'; readonly data: { jobId: string; outputPrefix: string } }
  /** The outputs of a cancelled job were deleted, once its last runner had ended. */
  | {
      readonly type: 'TranscodeOutputsDeleted';
      readonly data: { jobId: string; outputPrefix: string; count: number };
    }
  /**
   * The attempt was handed to a runner (`runnerId`): a pool slot or a task may still have to free up
   * or be provisioned. The public TranscodeStarted follows when the runner begins (its first report);
   * an attempt lost before that never ran, and is failed as RUNNER_NOT_STARTED.
   */
  | {
      readonly type: 'TranscodeAttemptDispatched';
      readonly data: { jobId: string; attempt: number; runnerId: string };
    }
  /**
   * Streams written before TranscodeAttemptDispatched existed: there TranscodeStarted meant "dispatched"
   * and this event "its runner began". Folded still, never decided any more.
   */
  | { readonly type: 'TranscodeRunnerBegan'; readonly data: { jobId: string; attempt: number } }
  /** A higher attempt started while this one still counted as running: its late reports are ignored. */
  | {
      readonly type: 'TranscodeAttemptAbandoned';
      readonly data: { jobId: string; attempt: number; supersededBy: number };
    };

export type TranscodeEventType = TranscodeEvent['type'];

/** The stream of one job's transcode. */
export const transcodeStreamId = (jobId: string): string => `transcode-${jobId}`;
