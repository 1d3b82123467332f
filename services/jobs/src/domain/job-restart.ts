// What the automatic retry (RunDueRetry) and the owner's retry share: who may act on a job, and the
// request that runs a stage again (ProbeRequested for a new probe, TranscodeRequested for a new
// transcode attempt, which processing starts only when higher than any it has seen). JobCreated and
// JobValidated are facts and are never appended again.
import { JobNotFound } from './job-errors';
import type { JobEvent, RetryStage } from './job-events';
import type { Job } from './job-state';

/** Another owner's job is reported as missing, so ids cannot be probed. */
export const assertOwnedBy = (job: Job, requester: string): void => {
  if (job.ownerId !== undefined && job.ownerId !== requester) throw new JobNotFound(job.jobId);
};

/** The request that runs `stage` again; none for a transcode of a job without a plan. */
export const restartStage = (job: Job, stage: RetryStage, attempt: number): JobEvent[] => {
  const { jobId, uploadId, input, profile, plan } = job;
  if (stage === 'probe') return [{ type: 'ProbeRequested', data: { jobId, uploadId, input, profile, attempt } }];
  return plan ? [{ type: 'TranscodeRequested', data: { jobId, attempt, plan } }] : [];
};
