// Everything that can happen to a job, as the Job stream records it. The public events (contracts)
// leave the service through the outbox; the internal ones (no contract) stay in the stream and feed
// the aggregate, the read model and the job's history.
import type {
  JobCancelledV1,
  JobCompletedV1,
  JobCreatedV1,
  JobFailedV1,
  JobRejectedV1,
  JobValidatedV1,
  MediaInfo,
  ProbeRequestedV1,
  TranscodeRequestedV1,
} from '@mediaflow/contracts';

export type RetryStage = 'probe' | 'transcode';

/** What the client declared about the upload: for listings and download names, never for decisions. */
export interface JobSource {
  readonly ownerId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256?: string;
}

export type JobEvent =
  // Facts, once per job. Streams written before ProbeRequested/TranscodeRequested may repeat them as
  // requests; evolve and the projection read a repeat as the request (job-legacy-requests.ts).
  | { readonly type: 'JobCreated'; readonly data: JobCreatedV1 }
  | { readonly type: 'JobSourceDescribed'; readonly data: { readonly jobId: string } & JobSource }
  | { readonly type: 'JobProbed'; readonly data: { readonly jobId: string; readonly mediaInfo: MediaInfo } }
  | { readonly type: 'JobValidated'; readonly data: JobValidatedV1 }
  // Requests to processing, one per attempt: the first with JobCreated / JobValidated, then each retry.
  | { readonly type: 'ProbeRequested'; readonly data: ProbeRequestedV1 }
  | { readonly type: 'TranscodeRequested'; readonly data: TranscodeRequestedV1 }
  | { readonly type: 'JobRejected'; readonly data: JobRejectedV1 }
  | {
      readonly type: 'JobProbeFailed';
      readonly data: { readonly jobId: string; readonly probeAttempt: number; readonly code: string; readonly reason: string; readonly retryable: boolean };
    }
  /** `startedAt`: when the runner began, as processing recorded it (absent in older streams: the event's own time). */
  | { readonly type: 'JobTranscodeStarted'; readonly data: { readonly jobId: string; readonly attempt: number; readonly runnerId: string; readonly startedAt?: string } }
  | { readonly type: 'JobTranscodeProgressed'; readonly data: { readonly jobId: string; readonly attempt: number; readonly percent: number } }
  /** The attempt's runner finished, and how long its own work took (TranscodeFinished's transcodeSeconds); JobCompleted follows. */
  | { readonly type: 'JobTranscodeFinished'; readonly data: { readonly jobId: string; readonly attempt: number; readonly transcodeSeconds: number } }
  | {
      readonly type: 'JobTranscodeFailed';
      readonly data: { readonly jobId: string; readonly attempt: number; readonly code: string; readonly reason: string; readonly retryable: boolean };
    }
  | {
      readonly type: 'JobRetryScheduled';
      /** `attempt` is the one that will run; `dueAt` an ISO time. */
      readonly data: { readonly jobId: string; readonly stage: RetryStage; readonly attempt: number; readonly dueAt: string; readonly delaySeconds: number };
    }
  | {
      readonly type: 'JobRetryRequested';
      /** The owner retried a failed job; `attempt` is the one that will run (of `stage`), as in JobRetryScheduled. */
      readonly data: { readonly jobId: string; readonly requestedBy: string; readonly stage: RetryStage; readonly attempt: number };
    }
  | { readonly type: 'JobCompleted'; readonly data: JobCompletedV1 }
  | { readonly type: 'JobFailed'; readonly data: JobFailedV1 }
  | { readonly type: 'JobCancelled'; readonly data: JobCancelledV1 };

type JobEventType = JobEvent['type'];
export type JobEventOf<T extends JobEventType> = Extract<JobEvent, { type: T }>;

const JOB_EVENT_TYPES: readonly JobEventType[] = [
  'JobCreated',
  'JobSourceDescribed',
  'JobProbed',
  'JobValidated',
  'ProbeRequested',
  'TranscodeRequested',
  'JobRejected',
  'JobProbeFailed',
  'JobTranscodeStarted',
  'JobTranscodeProgressed',
  'JobTranscodeFinished',
  'JobTranscodeFailed',
  'JobRetryScheduled',
  'JobRetryRequested',
  'JobCompleted',
  'JobFailed',
  'JobCancelled',
];

export const isJobEvent = (event: { type: string; data: unknown }): event is JobEvent =>
  (JOB_EVENT_TYPES as readonly string[]).includes(event.type);
