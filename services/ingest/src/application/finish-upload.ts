// The one completion path, for the client's POST .../complete and for storage's object-created
// notification alike: look at what storage holds (assembling the parts of a multipart upload first),
// let the decider judge it against what was declared, and append UploadCompleted.
import { executeCommand, type EventContext } from '@mediaflow/service-kit';
import type { PartReference } from '../domain/multipart-parts';
import { choosePartsToComplete } from '../domain/multipart-parts';
import { UploadPartsInvalid } from '../domain/upload-errors';
import {
  assertCanComplete,
  digestToVerify,
  uploadDecider,
  type ObservedObject,
} from '../domain/upload-decider';
import type { UploadInitiatedData } from '../domain/upload-events';
import { jobIdFor, uploadStreamId } from '../domain/upload-keys';
import type { UploadState } from '../domain/upload-state';
import type { IngestDependencies } from './ingest-dependencies';

export interface CompletedUpload {
  readonly uploadId: string;
  readonly status: 'completed';
  /** The job jobs will create for it (derived from the upload id). */
  readonly jobId: string;
}

const observe = async (
  deps: IngestDependencies,
  upload: UploadInitiatedData,
  parts: readonly PartReference[] | undefined,
  withSha256: boolean,
): Promise<ObservedObject | null> => {
  const { transfer, key } = upload;
  if (transfer.method === 'single') {
    if (parts !== undefined)
      throw new UploadPartsInvalid('this upload is a single PUT; complete it without parts');
    return deps.storage.inspect(key, { withSha256 });
  }
  // An earlier attempt may have assembled the object and stopped before appending: use it.
  const assembled = await deps.storage.inspect(key, { withSha256 });
  if (assembled) return assembled;
  const ref = { key, multipartId: transfer.multipartId };
  const chosen = choosePartsToComplete(upload, await deps.storage.listParts(ref), parts);
  try {
    await deps.storage.completeMultipart({ ...ref, parts: chosen });
  } catch (error) {
    // A concurrent completion may have assembled it first (its parts are gone now): judge its result.
    const raced = await deps.storage.inspect(key, { withSha256 });
    if (!raced) throw error;
    return raced;
  }
  return deps.storage.inspect(key, { withSha256 });
};

export const finishUpload = async (
  deps: IngestDependencies,
  state: UploadState,
  options: {
    readonly context: EventContext;
    readonly parts?: readonly PartReference[];
    /** Hex SHA-256 the client gives at completion (instead of, or as well as, at creation). */
    readonly sha256?: string;
  },
): Promise<CompletedUpload> => {
  // Refuse a finished or expired upload, or a digest contradicting the declared one, before touching storage.
  assertCanComplete(state, deps.clock.now());
  const { upload } = state;
  const digest = digestToVerify(upload, options.sha256);
  const observed = await observe(deps, upload, options.parts, digest !== undefined);
  await executeCommand(
    deps,
    uploadDecider,
    uploadStreamId(upload.uploadId),
    {
      type: 'CompleteUpload',
      data: { observed, now: deps.clock.now(), ...(digest !== undefined && { sha256: digest }) },
    },
    { context: options.context },
  );
  await deps.deadlines
    .clear(upload.uploadId)
    .catch((error: unknown) =>
      deps.logger.warn('deadline not cleared; the sweep will', {
        uploadId: upload.uploadId,
        error: error as Error,
      }),
    );
  deps.logger.info('upload completed', {
    uploadId: upload.uploadId,
    size: upload.size,
    correlationId: options.context.correlationId,
  });
  return { uploadId: upload.uploadId, status: 'completed', jobId: jobIdFor(upload.uploadId) };
};
