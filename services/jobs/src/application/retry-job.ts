// POST /v1/jobs/{id}/retry as a use case: the owner's RetryJob on the Job stream. The ProbeRequested or
// TranscodeRequested it appends goes out through the outbox, and processing probes or transcodes again.
import type { JobCommandExecutor } from './job-command-executor';

interface RetryJobRequest {
  readonly jobId: string;
  readonly ownerId: string;
  /** Of the request: the retried attempt's events carry it, as a cancel's do. */
  readonly correlationId: string;
}

/** Resolves once the retry is recorded; throws JobNotFound or JobNotRetryable (any status but failed). */
export const retryJob = async (executor: JobCommandExecutor, request: RetryJobRequest): Promise<void> => {
  const { jobId, ownerId, correlationId } = request;
  await executor.execute({ type: 'RetryJob', jobId, requestedBy: ownerId }, { context: { ownerId, correlationId, causationId: null } });
};
