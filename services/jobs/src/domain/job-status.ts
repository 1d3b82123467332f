// The lifecycle of a job as clients see it. Nothing processing reports changes a terminal status; only
// the owner's retry brings a failed job back (to probing or queued, see job-decide-retry.ts).
export const JOB_STATUSES = [
  'created',
  'probing',
  'queued',
  'transcoding',
  'retry-scheduled',
  'completed',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Ended by the system (done, gave up, refused): cancelling one of these is a conflict. */
const FINISHED_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'rejected'];
export const TERMINAL_STATUSES: readonly JobStatus[] = [...FINISHED_STATUSES, 'cancelled'];

export const isTerminal = (status: JobStatus): boolean => TERMINAL_STATUSES.includes(status);
export const isFinished = (status: JobStatus): boolean => FINISHED_STATUSES.includes(status);
