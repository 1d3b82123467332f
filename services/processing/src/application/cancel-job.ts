// JobCancelled → record the cancellation on `transcode-<jobId>` (exactly once), then stop the running
// attempt's runner. Recorded first: if the stop is lost, the runner's late reports are ignored and the
// watchdog stops it on its next sweep.
import type { KnownEventOf } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { causedBy } from '@mediaflow/service-kit';
import { attemptOf } from '../domain/transcode-state';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import { executeTranscodeCommand, type TranscodeStoreDependencies } from './transcode-commands';

export interface CancelDependencies extends TranscodeStoreDependencies {
  readonly dispatcher: RunnerDispatcher;
}

const JOB_CANCELLED_CONSUMER = 'processing.job-cancelled';

export const handleJobCancelled = async (
  deps: CancelDependencies,
  event: KnownEventOf<'JobCancelled'>,
  log: Logger,
): Promise<void> => {
  const { jobId, reason } = event.data;
  const consumed = { consumer: JOB_CANCELLED_CONSUMER, eventId: event.metadata.eventId };
  const outcome = await executeTranscodeCommand(
    deps,
    jobId,
    { type: 'Cancel', jobId, ...(reason ? { reason } : {}) },
    { context: causedBy(event.metadata), consumed },
  );
  if (outcome.status !== 'applied') return;
  const cancelled = outcome.events.find((e) => e.type === 'TranscodeCancelled');
  const attempt = cancelled?.type === 'TranscodeCancelled' ? cancelled.data.attempt : undefined;
  const runner = attempt === undefined ? undefined : attemptOf(outcome.state, attempt);
  if (runner) await deps.dispatcher.stop(runner.runnerId);
  log.info('transcode cancelled', { jobId, attempt, runnerId: runner?.runnerId });
};
