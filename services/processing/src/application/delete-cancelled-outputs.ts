// A cancel that lands after an attempt stored its outputs must not leave them behind: once the job is
// cancelled and its last runner has ended (it can store nothing more), everything under the job's
// output prefix is deleted and TranscodeOutputsDeleted recorded. Called after the cancel (the runner
// already ended), on a cancelled job's last runner report, and by the watchdog (runners that report
// to no one, or a crash between the cancel and the deletion).
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { Logger } from '@mediaflow/logging';
import { currentAttempt, outputsToDelete } from '../domain/transcode-state';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import { executeTranscodeCommand, jobContext, loadTranscode, type TranscodeStoreDependencies } from './transcode-commands';

export interface OutputsCleanupDependencies extends TranscodeStoreDependencies {
  readonly outputs: BlobStorage;
  readonly dispatcher: RunnerDispatcher;
}

/** `nothing`: not cancelled or already deleted; `waiting`: the last runner may still store; `deleted`. */
export type OutputsCleanup = 'nothing' | 'waiting' | 'deleted';

export const deleteCancelledOutputs = async (
  deps: OutputsCleanupDependencies,
  jobId: string,
  log: Logger,
  /** The attempt whose runner is known to have ended (its terminal report). */
  endedAttempt?: number,
): Promise<OutputsCleanup> => {
  const { state } = await loadTranscode(deps.store, jobId);
  const outputPrefix = outputsToDelete(state);
  if (!outputPrefix) return 'nothing';
  const last = currentAttempt(state);
  if (last && last.attempt !== endedAttempt && (await deps.dispatcher.status(last.runnerId)).state !== 'gone')
    return 'waiting';
  const count = await deps.outputs.deletePrefix(`${outputPrefix}/`);
  await executeTranscodeCommand(
    deps,
    jobId,
    { type: 'RecordOutputsDeleted', outputPrefix, count },
    { context: jobContext(state) },
  );
  log.info('outputs of a cancelled job deleted', { jobId, outputPrefix, count });
  return 'deleted';
};
