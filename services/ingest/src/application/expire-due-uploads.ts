// One pass of the expiry sweep: every upload whose deadline passed and that is still pending gets
// UploadExpired and loses its bytes; finished ones (or deadlines whose upload never got appended)
// are just forgotten. Safe to run concurrently with completions: the decider sees the latest state.
import { executeCommand } from '@mediaflow/service-kit';
import { uploadDecider } from '../domain/upload-decider';
import { uploadStreamId } from '../domain/upload-keys';
import type { UploadDeadline } from '../ports/upload-deadlines';
import { discardUploadBytes } from './discard-upload-bytes';
import type { IngestDependencies } from './ingest-dependencies';
import { loadUpload } from './load-upload';

const failInterruptedFetch = async (
  deps: IngestDependencies,
  uploadId: string,
  upload: Parameters<typeof discardUploadBytes>[1],
  now: Date,
): Promise<boolean> => {
  const context = { ownerId: upload.ownerId, correlationId: deps.ids.next(), causationId: null };
  await executeCommand(deps, uploadDecider, uploadStreamId(uploadId), {
    type: 'FailUpload',
    data: { code: 'SOURCE_FETCH_INTERRUPTED', reason: 'the fetch stopped without finishing (the service restarted); start a new upload', now },
  }, { context });
  await discardUploadBytes(deps.storage, upload);
  await deps.deadlines.clear(uploadId);
  return true;
};

const expireOne = async (deps: IngestDependencies, due: UploadDeadline, now: Date): Promise<boolean> => {
  const { state } = await loadUpload(deps.store, due.uploadId);
  if (state.status === 'none' || state.status === 'completed' || state.status === 'failed') {
    await deps.deadlines.clear(due.uploadId);
    return false;
  }
  const context = { ownerId: state.upload.ownerId, correlationId: deps.ids.next(), causationId: null };
  // A URL ingest renews its lease while it runs: a lapsed one was cut off (the process crashed).
  if (state.status === 'fetching') return failInterruptedFetch(deps, due.uploadId, state.upload, now);
  const outcome = await executeCommand(
    deps,
    uploadDecider,
    uploadStreamId(due.uploadId),
    { type: 'ExpireUpload', data: { now } },
    { context },
  );
  const after = outcome.status === 'applied' ? outcome.state : state;
  if (after.status === 'pending' || after.status === 'none') return false; // not due after all (clock skew): next pass
  if (after.status !== 'completed') await discardUploadBytes(deps.storage, after.upload);
  await deps.deadlines.clear(due.uploadId);
  return outcome.status === 'applied' && outcome.events.length > 0;
};

/** Returns how many uploads this pass expired. */
export const expireDueUploads = async (deps: IngestDependencies, limit = 100): Promise<number> => {
  const now = deps.clock.now();
  let expired = 0;
  for (const due of await deps.deadlines.due(now, limit)) {
    try {
      if (await expireOne(deps, due, now)) expired += 1;
    } catch (error) {
      // One stuck upload must not stop the others; its deadline stays for the next pass.
      deps.logger.warn('could not expire upload', { uploadId: due.uploadId, error: error as Error });
    }
  }
  if (expired > 0) deps.logger.info('expired unfinished uploads', { expired });
  return expired;
};

/**
 * Where one process owns the data (embedded), a fetch that is not running in it was cut off by its
 * restart: failed at start instead of after its lease (up to `leaseMs`) lapses. Returns how many.
 */
export const failFetchesOfEarlierRuns = async (
  deps: IngestDependencies,
  leaseMs: number,
  runningHere: (uploadId: string) => boolean,
): Promise<number> => {
  const now = deps.clock.now();
  let failed = 0;
  // Every live fetch's lease ends within leaseMs of now; other uploads' deadlines there are skipped.
  for (const due of await deps.deadlines.due(new Date(now.getTime() + leaseMs), 1000)) {
    if (runningHere(due.uploadId)) continue;
    const { state } = await loadUpload(deps.store, due.uploadId);
    if (state.status !== 'fetching') continue;
    if (await failInterruptedFetch(deps, due.uploadId, state.upload, now)) failed += 1;
  }
  if (failed > 0) deps.logger.info('failed the URL ingests a restart cut off', { failed });
  return failed;
};
