// The query side of jobs: a projection of the Job streams, kept by the jobs handlers after each append
// (eventually consistent with the store). SQLite embedded, DynamoDB on AWS; one contract suite for both.
import type { RetryStage } from '../domain/job-events';
import type { JobStatus } from '../domain/job-status';
import type { JobView } from './job-view';

export interface JobListQuery {
  readonly status?: JobStatus;
  /** From a previous page's `nextCursor`; opaque to callers. */
  readonly cursor?: string;
  readonly limit: number;
}

export interface JobPage {
  /** Newest first (by creation time). */
  readonly items: readonly JobView[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

export interface DueRetry {
  readonly jobId: string;
  readonly ownerId: string;
  readonly correlationId: string;
  readonly stage: RetryStage;
  readonly attempt: number;
  readonly dueAt: string;
}

export interface JobStats {
  readonly total: number;
  readonly byStatus: Readonly<Record<JobStatus, number>>;
  /** Jobs completed in the hour / the day before `now`. */
  readonly completedLastHour: number;
  readonly completedLastDay: number;
}

export interface JobReadModel {
  /** Stores the view unless one at the same or a newer stream version is there (projections may race). */
  upsert(view: JobView): Promise<void>;
  get(jobId: string): Promise<JobView | undefined>;
  /** Throws CursorInvalid for a cursor it did not issue. */
  listByOwner(ownerId: string, query: JobListQuery): Promise<JobPage>;
  /** Retries whose time has come, oldest due first. */
  dueRetries(now: Date, limit?: number): Promise<DueRetry[]>;
  stats(now: Date): Promise<JobStats>;
}
