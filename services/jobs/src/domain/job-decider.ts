// The Job aggregate as a decider: decide(command, state) → events, evolve(state, event) → state.
// Pure: time comes in the commands, the plan comes decided by the application's policy and planner.
import type { Decider } from '@mediaflow/service-kit';
import type { JobCommand } from './job-commands';
import { decideRetry } from './job-decide-retry';
import { assertOwnedBy, restartStage } from './job-restart';
import { decideTranscode } from './job-decide-transcode';
import { JobAlreadyFinished, JobNotFound } from './job-errors';
import type { JobEvent } from './job-events';
import { evolveJob, initialJobState, jobExists, type Job, type JobState } from './job-state';
import { isFinished, isTerminal } from './job-status';
import { backoffAfter, canRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export type JobDecider = Decider<JobCommand, JobEvent, JobState>;

type Cmd<T extends JobCommand['type']> = Extract<JobCommand, { type: T }>;

const awaitingProbe = (job: Job): boolean => job.status === 'created' || job.status === 'probing';

const create = (command: Cmd<'CreateJob'>, state: JobState): JobEvent[] => {
  // Idempotent by upload: the job id is derived from it, so a second UploadCompleted finds this job.
  if (jobExists(state)) return [];
  const { jobId, uploadId, input, profile, source } = command;
  // The first probe is requested by its own event too, not inferred from JobCreated: processing reacts
  // to requests only, so every probe (first or retry) is triggered by exactly one ProbeRequested, and
  // JobCreated keeps one meaning for everyone who counts jobs.
  return [
    { type: 'JobCreated', data: { jobId, uploadId, input, profile } },
    { type: 'JobSourceDescribed', data: { jobId, ...source } },
    { type: 'ProbeRequested', data: { jobId, uploadId, input, profile, attempt: 1 } },
  ];
};

const recordProbe = (job: Job, command: Cmd<'RecordProbe'>): JobEvent[] => {
  if (!awaitingProbe(job)) return [];
  const { jobId } = job;
  const probed: JobEvent = { type: 'JobProbed', data: { jobId, mediaInfo: command.mediaInfo } };
  const verdict = command.verdict;
  if (!verdict.accepted) return [probed, { type: 'JobRejected', data: { jobId, reasons: [...verdict.reasons] } }];
  // As for the probe: the fact (JobValidated, no attempt) and the request for attempt 1.
  const { plan } = verdict;
  return [probed, { type: 'JobValidated', data: { jobId, plan } }, { type: 'TranscodeRequested', data: { jobId, attempt: 1, plan } }];
};

const recordProbeFailure = (job: Job, command: Cmd<'RecordProbeFailure'>, retry: RetryPolicy): JobEvent[] => {
  if (!awaitingProbe(job)) return [];
  const { jobId, probeAttempt } = job;
  const { code, reason, retryable } = command;
  const failed: JobEvent = { type: 'JobProbeFailed', data: { jobId, probeAttempt, code, reason, retryable } };
  if (!retryable) {
    // The file itself is unreadable: the input is refused, like any other policy violation.
    return [failed, { type: 'JobRejected', data: { jobId, reasons: [{ code: 'MEDIA_UNSUPPORTED', message: `${reason} [${code}]`.slice(0, 500) }] } }];
  }
  const inRound = probeAttempt - job.attemptsBeforeRound.probe;
  if (!canRetry(retry, inRound)) return [failed, { type: 'JobFailed', data: { jobId, code, reason, attempts: 0 } }];
  const delaySeconds = backoffAfter(retry, inRound);
  const dueAt = new Date(command.now.getTime() + delaySeconds * 1000).toISOString();
  return [failed, { type: 'JobRetryScheduled', data: { jobId, stage: 'probe', attempt: probeAttempt + 1, dueAt, delaySeconds } }];
};

const runDueRetry = (job: Job, command: Cmd<'RunDueRetry'>): JobEvent[] => {
  const scheduled = job.retry;
  // Idempotent: only the retry still scheduled, and only once due; anything else was already run.
  if (job.status !== 'retry-scheduled' || !scheduled) return [];
  if (scheduled.stage !== command.stage || scheduled.attempt !== command.attempt) return [];
  if (Date.parse(scheduled.dueAt) > command.now.getTime()) return [];
  return restartStage(job, scheduled.stage, scheduled.attempt);
};

const cancel = (job: Job, command: Cmd<'CancelJob'>): JobEvent[] => {
  assertOwnedBy(job, command.requestedBy);
  if (isFinished(job.status)) throw new JobAlreadyFinished(job.jobId, job.status);
  if (job.status === 'cancelled') return [];
  return [{ type: 'JobCancelled', data: { jobId: job.jobId, ...(command.reason ? { reason: command.reason } : {}) } }];
};

const decideExisting = (job: Job, command: Exclude<JobCommand, Cmd<'CreateJob'>>, retry: RetryPolicy): JobEvent[] => {
  if (command.type === 'CancelJob') return cancel(job, command);
  if (command.type === 'RetryJob') return decideRetry(job, command);
  // After the end (completed, failed, rejected, cancelled) reports from processing change nothing.
  if (isTerminal(job.status)) return [];
  switch (command.type) {
    case 'RecordProbe':
      return recordProbe(job, command);
    case 'RecordProbeFailure':
      return recordProbeFailure(job, command, retry);
    case 'RunDueRetry':
      return runDueRetry(job, command);
    default:
      return decideTranscode(job, command, retry);
  }
};

export const createJobDecider = (retry: RetryPolicy = DEFAULT_RETRY_POLICY): JobDecider => ({
  initialState: initialJobState,
  evolve: evolveJob,
  decide: (command, state) => {
    if (command.type === 'CreateJob') return create(command, state);
    if (!jobExists(state)) throw new JobNotFound(command.jobId);
    return decideExisting(state, command, retry);
  },
});
