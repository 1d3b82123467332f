// POST /v1/jobs/{id}/cancel as a use case: a command on the Job stream by its owner. JobCancelled goes
// out through the outbox and processing stops the running attempt when it sees it.
import type { JobCommandExecutor } from './job-command-executor';

interface CancelJobRequest {
  readonly jobId: string;
  readonly ownerId: string;
  readonly correlationId: string;
  readonly reason?: string;
}

/** Resolves once the job is cancelled (now or before); throws JobNotFound or JobAlreadyFinished. */
export const cancelJob = async (executor: JobCommandExecutor, request: CancelJobRequest): Promise<void> => {
  const { jobId, ownerId, correlationId, reason } = request;
  await executor.execute(
    { type: 'CancelJob', jobId, requestedBy: ownerId, ...(reason ? { reason } : {}) },
    { context: { ownerId, correlationId, causationId: null } },
  );
};
