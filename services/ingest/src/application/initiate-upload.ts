// POST /v1/uploads: checks the request against the policy, picks single or multipart, records the
// deadline, appends UploadInitiated and hands back the URLs to upload through.
import { executeCommand, type EventContext } from '@mediaflow/service-kit';
import { sanitiseFilename } from '../domain/filename';
import { uploadDecider } from '../domain/upload-decider';
import type { Transfer, UploadInitiatedData } from '../domain/upload-events';
import { uploadKey, uploadStreamId } from '../domain/upload-keys';
import { checkUploadRequest, planTransfer } from '../domain/upload-policy';
import type { IngestDependencies } from './ingest-dependencies';
import { presignTransfer, type TransferUrls } from './presign-transfer';

export interface InitiateUploadInput {
  readonly ownerId: string;
  readonly correlationId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256?: string;
  readonly profile?: string;
}

export interface InitiatedUpload {
  readonly upload: UploadInitiatedData;
  readonly urls: TransferUrls;
}

export const initiateUpload = async (
  deps: IngestDependencies,
  input: InitiateUploadInput,
): Promise<InitiatedUpload> => {
  const filename = sanitiseFilename(input.filename);
  const { contentType, profile } = checkUploadRequest(deps.policy, input);
  const now = deps.clock.now();
  const uploadId = deps.uploadIds.next();
  const key = uploadKey(input.ownerId, uploadId);
  const plan = planTransfer(deps.policy, input.size);
  const transfer: Transfer =
    plan.method === 'single'
      ? { method: 'single' }
      : {
          method: 'multipart',
          multipartId: await deps.storage.createMultipart({ key, contentType }),
          partSize: plan.partSize,
          partCount: plan.partCount,
        };
  const expiresAt = new Date(now.getTime() + deps.policy.uploadExpirySeconds * 1000);
  const upload: UploadInitiatedData = {
    uploadId,
    ownerId: input.ownerId,
    key,
    filename,
    contentType,
    size: input.size,
    ...(input.sha256 !== undefined && { sha256: input.sha256.toLowerCase() }),
    profile,
    transfer,
    initiatedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  // The deadline first: if the append then fails, the sweep finds no stream and just forgets it.
  await deps.deadlines.schedule({ uploadId, ownerId: input.ownerId, expiresAt });
  const context: EventContext = {
    ownerId: input.ownerId,
    correlationId: input.correlationId,
    causationId: null,
  };
  await executeCommand(
    deps,
    uploadDecider,
    uploadStreamId(uploadId),
    { type: 'InitiateUpload', data: upload },
    { context },
  );
  deps.logger.info('upload initiated', {
    uploadId,
    method: transfer.method,
    size: input.size,
    correlationId: input.correlationId,
  });
  return { upload, urls: await presignTransfer(deps.storage, deps.policy, upload, now) };
};
