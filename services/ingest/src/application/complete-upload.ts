// POST /v1/uploads/{id}/complete. Completing twice answers 409 UPLOAD_ALREADY_COMPLETED (the first
// completion's UploadCompleted is the only one ever published); GET tells the job id either way.
import type { PartReference } from '../domain/multipart-parts';
import type { IngestDependencies } from './ingest-dependencies';
import { finishUpload, type CompletedUpload } from './finish-upload';
import { loadOwnedUpload } from './load-upload';

export interface CompleteUploadInput {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly correlationId: string;
  /** Multipart only: the parts and the ETags their PUTs returned; omitted means "every stored part". */
  readonly parts?: readonly PartReference[];
  /** Hex SHA-256 of the bytes, for a client that hashed while sending (checked like a declared one). */
  readonly sha256?: string;
}

export const completeUpload = async (
  deps: IngestDependencies,
  input: CompleteUploadInput,
): Promise<CompletedUpload> => {
  const { state } = await loadOwnedUpload(deps.store, input.uploadId, input.ownerId);
  const context = { ownerId: input.ownerId, correlationId: input.correlationId, causationId: null };
  return finishUpload(deps, state, {
    context,
    ...(input.parts !== undefined && { parts: input.parts }),
    ...(input.sha256 !== undefined && { sha256: input.sha256 }),
  });
};
