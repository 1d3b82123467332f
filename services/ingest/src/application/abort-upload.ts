// POST /v1/uploads/{id}/abort: the client gives up. The upload ends (UploadAborted) and its bytes and
// parts are deleted. Aborting an aborted or expired upload answers its status again; a completed one 409.
import { executeCommand } from '@mediaflow/service-kit';
import { uploadDecider } from '../domain/upload-decider';
import { uploadStreamId } from '../domain/upload-keys';
import type { UploadStatus } from '../domain/upload-state';
import { discardUploadBytes } from './discard-upload-bytes';
import type { IngestDependencies } from './ingest-dependencies';
import { loadOwnedUpload } from './load-upload';

export interface AbortUploadInput {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly correlationId: string;
}

export const abortUpload = async (
  deps: IngestDependencies,
  input: AbortUploadInput,
): Promise<{ uploadId: string; status: UploadStatus }> => {
  await loadOwnedUpload(deps.store, input.uploadId, input.ownerId);
  const context = { ownerId: input.ownerId, correlationId: input.correlationId, causationId: null };
  const outcome = await executeCommand(
    deps,
    uploadDecider,
    uploadStreamId(input.uploadId),
    { type: 'AbortUpload', data: { now: deps.clock.now() } },
    { context },
  );
  if (outcome.status !== 'applied' || outcome.state.status === 'none')
    throw new Error('abort: unexpected outcome');
  const { state } = outcome;
  if (outcome.events.length > 0) {
    try {
      await discardUploadBytes(deps.storage, state.upload);
      await deps.deadlines.clear(input.uploadId);
    } catch (error) {
      // The deadline stays: the sweep deletes the bytes later.
      deps.logger.warn('aborted upload bytes not deleted yet', {
        uploadId: input.uploadId,
        error: error as Error,
      });
    }
    deps.logger.info('upload aborted', { uploadId: input.uploadId, correlationId: input.correlationId });
  }
  return { uploadId: input.uploadId, status: state.status };
};
