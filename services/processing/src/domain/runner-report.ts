// What a runner says about its attempt, and the one place a report becomes a Transcode command: the
// service records the reports of the runners it watches (child processes) with it, and a runner with
// no parent to tell (an ECS task) records its own reports with it too.
import type { ManifestOutput } from '@mediaflow/contracts';
import type { TranscodeCommand } from './transcode-decider';

export type RunnerReport =
  /** Its first report: the runner process is up and begins the attempt's work. */
  | { readonly type: 'began' }
  | { readonly type: 'progress'; readonly percent: number }
  /** transcodeSeconds: the runner's own time for probe, plan and ffmpeg (optional: older runners). */
  | { readonly type: 'finished'; readonly manifest: ManifestOutput[]; readonly transcodeSeconds?: number }
  | { readonly type: 'failed'; readonly code: string; readonly reason: string; readonly retryable: boolean }
  /** Stopped before it finished (a stop, a shutdown): what that means is decided here. */
  | { readonly type: 'cancelled' }
  /** Taken out of its dispatcher's queue before it began (a stop, a shutdown): it never ran. */
  | { readonly type: 'dropped' };

/**
 * TranscodeFailed's code for an attempt that ended before its runner began (lost from a queue by a
 * restart, dropped from it at shutdown, a task that never left provisioning): it did no work, so jobs
 * does not count it against the attempts of its retry policy (services/jobs retry-policy.ts).
 */
export const RUNNER_NOT_STARTED = 'RUNNER_NOT_STARTED';

export const commandForRunnerReport = (attempt: number, report: RunnerReport): TranscodeCommand => {
  switch (report.type) {
    case 'began':
      return { type: 'RecordRunnerBegan', attempt };
    case 'progress':
      return { type: 'RecordProgress', attempt, percent: report.percent };
    case 'finished':
      return {
        type: 'FinishAttempt',
        attempt,
        manifest: { outputs: report.manifest },
        ...(report.transcodeSeconds !== undefined ? { transcodeSeconds: report.transcodeSeconds } : {}),
      };
    case 'failed':
      return { type: 'FailAttempt', attempt, code: report.code, reason: report.reason, retryable: report.retryable };
    case 'cancelled':
      // A cancel or watchdog stop already ended the attempt and this changes nothing; otherwise the
      // runner was stopped under us (shutdown, someone's SIGTERM) and another attempt can finish the job.
      return {
        type: 'FailAttempt',
        attempt,
        code: 'RUNNER_INTERRUPTED',
        reason: 'the runner was stopped before it finished',
        retryable: true,
      };
    case 'dropped':
      // Same as above, but it never began: the attempt did nothing and costs the job no attempt.
      return {
        type: 'FailAttempt',
        attempt,
        code: RUNNER_NOT_STARTED,
        reason: 'the attempt was dropped from the runner queue before its runner began (shutdown)',
        retryable: true,
      };
  }
};
