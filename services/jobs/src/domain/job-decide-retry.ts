// The owner's retry of a failed job (POST /v1/jobs/{id}/retry). A job that failed probing (no plan yet)
// is probed again: ProbeRequested with the next probe attempt, as RunDueRetry does. A job with a plan
// runs a new transcode attempt: TranscodeRequested with the next attempt number, since processing starts
// only an attempt higher than any it has seen.
//
// A retry starts a new round of the retry policy: the manual attempt is the round's first, and a
// retryable failure of it is retried automatically with the usual backoff until the round has used
// `maxAttempts` attempts; then the job fails again with JobFailed. So each retry grants at least one
// attempt and at most `maxAttempts`, whatever happened before it. The only cap across rounds is the
// contracts' highest attempt number (LAST_TRANSCODE_ATTEMPT).
import type { JobCommand } from './job-commands';
import { JobNotRetryable } from './job-errors';
import type { JobEvent } from './job-events';
import { assertOwnedBy, restartStage } from './job-restart';
import type { Job } from './job-state';
import { LAST_TRANSCODE_ATTEMPT } from './retry-policy';

type RetryJob = Extract<JobCommand, { type: 'RetryJob' }>;

export const decideRetry = (job: Job, command: RetryJob): JobEvent[] => {
  const { jobId, plan } = job;
  const { requestedBy } = command;
  assertOwnedBy(job, requestedBy);
  // Not idempotent on purpose: a second retry finds the job probing or queued again and is refused.
  if (job.status !== 'failed') throw new JobNotRetryable(jobId, job.status);
  if (!plan) {
    const attempt = job.probeAttempt + 1;
    return [{ type: 'JobRetryRequested', data: { jobId, requestedBy, stage: 'probe', attempt } }, ...restartStage(job, 'probe', attempt)];
  }
  const attempt = job.attempt + 1;
  if (attempt > LAST_TRANSCODE_ATTEMPT) throw new JobNotRetryable(jobId, job.status, `all ${LAST_TRANSCODE_ATTEMPT} transcode attempts are used`);
  return [{ type: 'JobRetryRequested', data: { jobId, requestedBy, stage: 'transcode', attempt } }, ...restartStage(job, 'transcode', attempt)];
};
