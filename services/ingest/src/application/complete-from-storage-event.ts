// Storage's own object-created notification (S3 event, or the embedded blob endpoint's hook) as a
// way to complete: same path as the client's call, idempotent, and silent about refusals — a wrong
// size or an unknown key is logged, and the client's own complete call still gets the problem.
import type { IngestDependencies } from './ingest-dependencies';
import { finishUpload } from './finish-upload';
import { loadUpload } from './load-upload';
import { isIngestError } from '../domain/upload-errors';
import { uploadIdOfKey } from '../domain/upload-keys';

export type StorageEventOutcome = 'completed' | 'already-completed' | 'ignored' | 'refused';

export const completeFromStorageEvent = async (
  deps: IngestDependencies,
  key: string,
): Promise<StorageEventOutcome> => {
  const uploadId = uploadIdOfKey(key);
  if (!uploadId) return 'ignored'; // multipart temp parts, or objects ingest did not hand out
  const { state } = await loadUpload(deps.store, uploadId);
  if (state.status === 'none' || state.upload.key !== key) {
    deps.logger.warn('object created for no known upload', { key });
    return 'ignored';
  }
  if (state.status === 'completed') return 'already-completed';
  if (state.status !== 'pending') return 'ignored';
  const context = { ownerId: state.upload.ownerId, correlationId: deps.ids.next(), causationId: null };
  try {
    await finishUpload(deps, state, { context });
    return 'completed';
  } catch (error) {
    if (!isIngestError(error)) throw error;
    // The client completing at the same moment wins the race: that is success, not a refusal.
    if (error.code === 'UPLOAD_ALREADY_COMPLETED') return 'already-completed';
    deps.logger.info('storage event did not complete the upload', {
      uploadId,
      code: error.code,
      reason: error.message,
    });
    return 'refused';
  }
};
