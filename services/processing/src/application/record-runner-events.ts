// Turns what a runner reports (TaskRunner events) into Transcode events: progress throttled (one per
// 2 s and per 5 %, plus a heartbeat), finished → TranscodeFinished with the manifest, failed →
// TranscodeFailed, stopped without a result → TranscodeFailed RUNNER_INTERRUPTED (retryable). The
// aggregate ignores reports for an attempt that is no longer running (cancelled, failed by the watchdog).
import type { Logger } from '@mediaflow/logging';
import {
  shouldEmitProgress,
  type EmittedProgress,
  type ProgressThrottlePolicy,
} from '../domain/progress-throttle';
import type { TranscodeCommand } from '../domain/transcode-decider';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import type { RunnerEvent, RunnerEventListener } from '../ports/task-runner';
import {
  jobContext,
  loadTranscode,
  runTranscodeCommand,
  type TranscodeStoreDependencies,
} from './transcode-commands';

export interface RecorderDependencies extends TranscodeStoreDependencies {
  readonly active: ActiveTranscodes;
  readonly throttle: ProgressThrottlePolicy;
  readonly logger: Logger;
}

const commandFor = (event: RunnerEvent): TranscodeCommand => {
  switch (event.type) {
    case 'progress':
      return { type: 'RecordProgress', attempt: event.attempt, percent: event.percent };
    case 'finished':
      return { type: 'FinishAttempt', attempt: event.attempt, manifest: { outputs: event.manifest } };
    case 'failed':
      return {
        type: 'FailAttempt',
        attempt: event.attempt,
        code: event.code,
        reason: event.reason,
        retryable: event.retryable,
      };
    case 'cancelled':
      // A cancel or watchdog stop already ended the attempt and this changes nothing; otherwise the
      // runner was stopped under us (shutdown, someone's SIGTERM) and another attempt can finish the job.
      return {
        type: 'FailAttempt',
        attempt: event.attempt,
        code: 'RUNNER_INTERRUPTED',
        reason: 'the runner was stopped before it finished',
        retryable: true,
      };
  }
};

export const runnerEventRecorder = (deps: RecorderDependencies): RunnerEventListener => {
  const lastEmitted = new Map<string, EmittedProgress>();
  const record = async (event: RunnerEvent): Promise<void> => {
    const key = `${event.jobId}#${event.attempt}`;
    if (event.type === 'progress') {
      const now = deps.clock.now().getTime();
      if (!shouldEmitProgress(lastEmitted.get(key), event.percent, now, deps.throttle)) return;
      lastEmitted.set(key, { percent: event.percent, atMs: now });
    } else {
      lastEmitted.delete(key);
    }
    const context = event.context
      ? { ...event.context, causationId: null }
      : jobContext((await loadTranscode(deps.store, event.jobId)).state);
    const outcome = await runTranscodeCommand(deps, event.jobId, commandFor(event), { context });
    if (event.type !== 'progress') {
      deps.logger.info('runner report recorded', {
        jobId: event.jobId,
        attempt: event.attempt,
        report: event.type,
        recorded: outcome.status === 'applied' ? outcome.events.map((e) => e.type) : [],
      });
    }
  };
  return async (event) => {
    try {
      await record(event);
    } catch (error) {
      // Lost reports are recovered by the watchdog (a gone runner with a running attempt is RUNNER_LOST).
      deps.logger.error('could not record a runner report', {
        jobId: event.jobId,
        attempt: event.attempt,
        report: event.type,
        error: error as Error,
      });
    }
  };
};
