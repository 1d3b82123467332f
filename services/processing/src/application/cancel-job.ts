// JobCancelled → record the cancellation on `transcode-<jobId>` (exactly once), then stop the running
// attempt's runner. Recorded first: if the stop is lost, the runner's late reports are ignored and the
// watchdog stops it on its next sweep.
import type { KnownEventOf } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { causedBy } from '@mediaflow/service-kit';
import { attemptOf } from '../domain/transcode-state';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import { deleteCancelledOutputs, type OutputsCleanupDependencies } from './delete-cancelled-outputs';
import { executeTranscodeCommand } from './transcode-commands';

export interface CancelDependencies extends OutputsCleanupDependencies {
  readonly active: ActiveTranscodes;
}

const JOB_CANCELLED_CONSUMER = 'processing.job-cancelled';

export const handleJobCancelled = async (
  deps: CancelDependencies,
  event: KnownEventOf<'JobCancelled'>,
  log: Logger,
): Promise<void> => {
  const { jobId, reason } = event.data;
  const consumed = { consumer: JOB_CANCELLED_CONSUMER, eventId: event.metadata.eventId };
  // In the watchdog's index first: if we crash before the outputs are deleted, its sweep deletes them.
  await deps.active.add(jobId, deps.clock.now());
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
  // Outputs an attempt already stored go now if its runner has ended, else on its last report.
  await deleteCancelledOutputs(deps, jobId, log);
};
