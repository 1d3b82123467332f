// The Job aggregate's state, folded from its stream: only what decisions need (the read model keeps
// the rest). evolve is total and pure; an event that does not fit the state leaves it unchanged.
import type { RenditionPlan, StorageLocation } from '@mediaflow/contracts';
import type { JobEvent, RetryStage } from './job-events';
import { readLegacyRequest, type FoldedRequests } from './job-legacy-requests';
import type { JobStatus } from './job-status';
import { interrupted } from './retry-policy';

interface ScheduledRetry {
  readonly stage: RetryStage;
  readonly attempt: number;
  readonly dueAt: string;
}

export interface Job {
  readonly status: JobStatus;
  readonly jobId: string;
  readonly uploadId: string;
  readonly input: StorageLocation;
  readonly profile: string;
  /** From JobSourceDescribed; absent only in streams written before it existed. */
  readonly ownerId?: string;
  readonly probeAttempt: number;
  readonly plan?: RenditionPlan;
  /** The current transcode attempt; 0 until the job is validated. */
  readonly attempt: number;
  readonly percent: number;
  readonly retry?: ScheduledRetry;
  /**
   * Attempts of each stage used before the current retry round: 0 until the owner retries a failed
   * job, which starts a new round (see job-decide-retry.ts). The retry policy counts within the round.
   */
  readonly attemptsBeforeRound: { readonly probe: number; readonly transcode: number };
  /**
   * Transcode attempts of the current round the platform interrupted (RUNNER_NOT_STARTED,
   * RUNNER_HOST_RESTARTED): the retry policy does not count them as attempts, and caps them on their own.
   */
  readonly interruptedInRound: number;
}

export type JobState = { readonly status: 'none' } | Job;

export const initialJobState: JobState = { status: 'none' };

export const jobExists = (state: JobState): state is Job => state.status !== 'none';

const NO_ROUND = { probe: 0, transcode: 0 } as const;

const created = (data: Extract<JobEvent, { type: 'JobCreated' }>['data']): Job => {
  const { jobId, uploadId, input, profile } = data;
  return { status: 'created', jobId, uploadId, input, profile, probeAttempt: 1, attempt: 0, percent: 0, attemptsBeforeRound: NO_ROUND, interruptedInRound: 0 };
};

const evolveExisting = (job: Job, event: JobEvent): Job => {
  switch (event.type) {
    case 'JobCreated':
      return job; // a repeat was read as ProbeRequested by readLegacyRequest
    case 'JobSourceDescribed':
      return { ...job, ownerId: event.data.ownerId };
    case 'JobProbed':
    case 'JobProbeFailed':
    case 'JobTranscodeFinished':
      return job;
    case 'JobTranscodeFailed':
      return interrupted(event.data) ? { ...job, interruptedInRound: job.interruptedInRound + 1 } : job;
    case 'ProbeRequested':
      // The first probe was counted at creation; a retry's request starts probing again.
      if (event.data.attempt <= job.probeAttempt) return job;
      return { ...job, status: 'probing', probeAttempt: event.data.attempt, retry: undefined };
    case 'JobValidated':
      return { ...job, status: 'queued', plan: event.data.plan, attempt: event.data.attempt ?? 1, percent: 0, retry: undefined };
    case 'TranscodeRequested':
      return { ...job, status: 'queued', plan: event.data.plan, attempt: event.data.attempt, percent: 0, retry: undefined };
    case 'JobRejected':
      return { ...job, status: 'rejected', retry: undefined };
    case 'JobTranscodeStarted':
      return { ...job, status: 'transcoding' };
    case 'JobTranscodeProgressed':
      return { ...job, status: 'transcoding', percent: Math.max(job.percent, event.data.percent) };
    case 'JobRetryScheduled':
      return { ...job, status: 'retry-scheduled', retry: { stage: event.data.stage, attempt: event.data.attempt, dueAt: event.data.dueAt } };
    case 'JobRetryRequested': {
      // The status follows from the ProbeRequested or TranscodeRequested appended with it (probing / queued).
      const { stage, attempt } = event.data;
      const round = { ...job, attemptsBeforeRound: { ...job.attemptsBeforeRound, [stage]: attempt - 1 } };
      return stage === 'transcode' ? { ...round, interruptedInRound: 0 } : round;
    }
    case 'JobCompleted':
      return { ...job, status: 'completed', percent: 100, retry: undefined };
    case 'JobFailed':
      return { ...job, status: 'failed', retry: undefined };
    case 'JobCancelled':
      return { ...job, status: 'cancelled', retry: undefined };
    default: {
      // An event type this build does not know (written by a newer one) changes nothing here.
      const unknown: never = event;
      void unknown;
      return job;
    }
  }
};

const foldedRequests = (job: Job): FoldedRequests => ({ probeAttempt: job.probeAttempt, validated: job.plan !== undefined, attempt: job.attempt });

export const evolveJob = (state: JobState, event: JobEvent): JobState => {
  if (!jobExists(state)) return event.type === 'JobCreated' ? created(event.data) : state;
  return evolveExisting(state, readLegacyRequest(event, foldedRequests(state)));
};
