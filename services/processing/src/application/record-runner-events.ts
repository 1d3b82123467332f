// Records what the runners the service watches report (child processes, through the dispatcher):
// progress throttled (one per 2 s and per 5 %, plus a heartbeat), then each report becomes its command
// in domain/runner-report.ts (finished → TranscodeFinished, failed → TranscodeFailed, stopped without a
// result → TranscodeFailed RUNNER_INTERRUPTED). The aggregate ignores reports for an attempt that is no
// longer running (cancelled, failed by the watchdog).
import type { Logger } from '@mediaflow/logging';
import {
  shouldEmitProgress,
  type EmittedProgress,
  type ProgressThrottlePolicy,
} from '../domain/progress-throttle';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import { deleteCancelledOutputs, type OutputsCleanupDependencies } from './delete-cancelled-outputs';
import type { RunnerEvent, RunnerEventListener } from '../ports/runner-dispatcher';
import { recordRunnerReport, type TranscodeStoreDependencies } from './transcode-commands';

interface RecorderDependencies extends TranscodeStoreDependencies, OutputsCleanupDependencies {
  readonly active: ActiveTranscodes;
  readonly throttle: ProgressThrottlePolicy;
  readonly logger: Logger;
}

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
    const outcome = await recordRunnerReport(deps, event, event);
    if (event.type !== 'progress' && event.type !== 'began') {
      deps.logger.info('runner report recorded', {
        jobId: event.jobId,
        attempt: event.attempt,
        report: event.type,
        recorded: outcome.status === 'applied' ? outcome.events.map((e) => e.type) : [],
      });
      // The runner has ended: if its job was cancelled, nothing it stored may stay.
      await deleteCancelledOutputs(deps, event.jobId, deps.logger, event.attempt);
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
