// What can be asked of a job. Time comes in the command (`now`), never from a clock inside the decider.
import type { MediaInfo, OutputManifest, RejectionReason, RenditionPlan, StorageLocation } from '@mediaflow/contracts';
import type { JobSource, RetryStage } from './job-events';

/** The outcome of the validation policy and the planner, decided in the application layer. */
export type ProbeVerdict =
  | { readonly accepted: true; readonly plan: RenditionPlan }
  | { readonly accepted: false; readonly reasons: readonly RejectionReason[] };

/** Every command names its job (the stream does too; the id is for errors and events). */
export type JobCommand = { readonly jobId: string } & (
  | {
      readonly type: 'CreateJob';
      readonly uploadId: string;
      readonly input: StorageLocation;
      readonly profile: string;
      readonly source: JobSource;
    }
  | { readonly type: 'RecordProbe'; readonly mediaInfo: MediaInfo; readonly verdict: ProbeVerdict }
  | { readonly type: 'RecordProbeFailure'; readonly code: string; readonly reason: string; readonly retryable: boolean; readonly now: Date }
  /** `startedAt`: when processing recorded that the runner began (TranscodeStarted's occurredAt). */
  | { readonly type: 'StartTranscode'; readonly attempt: number; readonly runnerId: string; readonly startedAt?: string }
  | { readonly type: 'RecordProgress'; readonly attempt: number; readonly percent: number }
  | { readonly type: 'FinishTranscode'; readonly attempt: number; readonly manifest: OutputManifest; readonly transcodeSeconds?: number }
  | {
      readonly type: 'FailTranscode';
      readonly attempt: number;
      readonly code: string;
      readonly reason: string;
      readonly retryable: boolean;
      readonly now: Date;
    }
  /** Issued by the retry scheduler; `attempt` and `stage` name the retry it saw scheduled. */
  | { readonly type: 'RunDueRetry'; readonly stage: RetryStage; readonly attempt: number; readonly now: Date }
  | { readonly type: 'CancelJob'; readonly requestedBy: string; readonly reason?: string }
  /** The owner's retry of a failed job (POST /v1/jobs/{id}/retry); nothing in it depends on time. */
  | { readonly type: 'RetryJob'; readonly requestedBy: string }
);
