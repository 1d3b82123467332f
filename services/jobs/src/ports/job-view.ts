// The read model's document for one job: everything the API shows, folded from the Job stream.
import type { MediaInfo, OutputManifest, RejectionReason, RenditionPlan, StorageLocation } from '@mediaflow/contracts';
import type { RetryStage } from '../domain/job-events';
import type { JobStatus } from '../domain/job-status';

export interface JobAttemptView {
  readonly attempt: number;
  /** When JobValidated dispatched it. */
  readonly queuedAt: string;
  readonly runnerId?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  /** The runner's own time for the transcode (every ffmpeg, the playlists), as it reported it on finishing. */
  readonly transcodeSeconds?: number;
  readonly outcome?: 'completed' | 'failed' | 'cancelled';
  readonly error?: { readonly code: string; readonly reason: string; readonly retryable: boolean };
}

export interface JobView {
  readonly jobId: string;
  readonly ownerId: string;
  readonly uploadId: string;
  readonly profile: string;
  readonly status: JobStatus;
  /** Stream version this view was folded up to: a view never replaces a newer one. */
  readonly version: number;
  /** Of the upload that started the job: retries issued later keep the same chain. */
  readonly correlationId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly input: StorageLocation;
  readonly source?: { readonly filename: string; readonly contentType: string; readonly sizeBytes: number; readonly sha256?: string };
  readonly mediaInfo?: MediaInfo;
  readonly plan?: RenditionPlan;
  /** Current transcode attempt (0 before validation) and its progress. */
  readonly attempt: number;
  readonly percent: number;
  readonly probeAttempts: number;
  readonly attempts: readonly JobAttemptView[];
  readonly retry?: { readonly stage: RetryStage; readonly attempt: number; readonly dueAt: string };
  readonly manifest?: OutputManifest;
  /** Why the job failed, for failed jobs. */
  readonly error?: { readonly code: string; readonly reason: string };
  /** Why the input was refused, for rejected jobs. */
  readonly rejection?: readonly RejectionReason[];
  readonly completedAt?: string;
  /** When it reached a terminal status. */
  readonly endedAt?: string;
}
