// Decisions on what a runner reports for an attempt. Reports about another attempt than the current
// one (a late heartbeat of a retried attempt) and reports after the job ended change nothing.
import type { JobCommand } from './job-commands';
import type { JobEvent } from './job-events';
import type { Job } from './job-state';
import { backoffAfter, canRetry, interrupted, LAST_TRANSCODE_ATTEMPT, type RetryPolicy } from './retry-policy';

type TranscodeCommand = Extract<JobCommand, { type: 'StartTranscode' | 'RecordProgress' | 'FinishTranscode' | 'FailTranscode' }>;

/** The attempt the report is about is the one running (or dispatched and not yet started). */
const isCurrentAttempt = (job: Job, attempt: number): boolean =>
  (job.status === 'queued' || job.status === 'transcoding') && job.attempt === attempt;

const decideFailure = (job: Job, command: Extract<TranscodeCommand, { type: 'FailTranscode' }>, retry: RetryPolicy): JobEvent[] => {
  const { jobId } = job;
  const { attempt, code, reason, retryable } = command;
  const failed: JobEvent = { type: 'JobTranscodeFailed', data: { jobId, attempt, code, reason, retryable } };
  const inRound = attempt - job.attemptsBeforeRound.transcode;
  // An attempt the platform interrupted (never began, host restarted) counts only against its own cap.
  const interruptions = job.interruptedInRound + (interrupted(command) ? 1 : 0);
  if (retryable && canRetry(retry, inRound - interruptions, interruptions) && attempt < LAST_TRANSCODE_ATTEMPT) {
    // The wait grows with every attempt of the round, interrupted or not, as a crash loop should.
    const delaySeconds = backoffAfter(retry, inRound);
    const dueAt = new Date(command.now.getTime() + delaySeconds * 1000).toISOString();
    return [failed, { type: 'JobRetryScheduled', data: { jobId, stage: 'transcode', attempt: attempt + 1, dueAt, delaySeconds } }];
  }
  // `attempts` counts every attempt the job made, across rounds.
  return [failed, { type: 'JobFailed', data: { jobId, code, reason, attempts: attempt } }];
};

export const decideTranscode = (job: Job, command: TranscodeCommand, retry: RetryPolicy): JobEvent[] => {
  if (!isCurrentAttempt(job, command.attempt)) return [];
  const { jobId } = job;
  switch (command.type) {
    case 'StartTranscode':
      if (job.status === 'transcoding') return [];
      return [
        {
          type: 'JobTranscodeStarted',
          data: { jobId, attempt: command.attempt, runnerId: command.runnerId, ...(command.startedAt !== undefined && { startedAt: command.startedAt }) },
        },
      ];
    case 'RecordProgress':
      // Progress only grows within an attempt; a reordered older report says nothing new.
      if (command.percent <= job.percent && job.status === 'transcoding') return [];
      return [{ type: 'JobTranscodeProgressed', data: { jobId, attempt: command.attempt, percent: command.percent } }];
    case 'FinishTranscode': {
      const completed: JobEvent = { type: 'JobCompleted', data: { jobId, manifest: command.manifest } };
      const { attempt, transcodeSeconds } = command;
      if (transcodeSeconds === undefined) return [completed];
      return [{ type: 'JobTranscodeFinished', data: { jobId, attempt, transcodeSeconds } }, completed];
    }
    case 'FailTranscode':
      return decideFailure(job, command, retry);
  }
};
