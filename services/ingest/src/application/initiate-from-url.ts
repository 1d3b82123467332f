// POST /v1/uploads with a sourceUrl: checks the URL (scheme, literal address) and the declared
// metadata, appends UploadInitiated with the source (status fetching) and a short deadline that the
// fetch keeps renewing, then hands the fetch to the background (UrlFetches).
import { executeCommand, type EventContext } from '@mediaflow/service-kit';
import { sanitiseFilename } from '../domain/filename';
import { checkSourceUrl, filenameFromUrl } from '../domain/source-url';
import { uploadDecider } from '../domain/upload-decider';
import type { UploadInitiatedData } from '../domain/upload-events';
import { uploadKey, uploadStreamId } from '../domain/upload-keys';
import { checkUploadRequest, resolveProfile } from '../domain/upload-policy';
import type { IngestDependencies } from './ingest-dependencies';
import type { UrlIngestDependencies } from './url-ingest-dependencies';

export interface InitiateFromUrlInput {
  readonly ownerId: string;
  readonly correlationId: string;
  readonly sourceUrl: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly profile?: string;
}

/** Until the source answers, the type is unknown; the probe decides what the file is either way. */
export const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';

export const urlIngestOf = (deps: IngestDependencies): UrlIngestDependencies => {
  if (!deps.urlIngest) throw new Error('URL ingest is not wired in this composition root');
  return deps.urlIngest;
};

export const initiateFromUrl = async (
  deps: IngestDependencies,
  input: InitiateFromUrlInput,
): Promise<{ upload: UploadInitiatedData; context: EventContext }> => {
  const urlIngest = urlIngestOf(deps);
  const url = checkSourceUrl(input.sourceUrl, urlIngest.policy);
  const filename = sanitiseFilename(input.filename ?? filenameFromUrl(url));
  // The size is not known yet: the policy's size limit is enforced while the bytes stream in.
  const profile = resolveProfile(deps.policy, input.profile);
  const contentType =
    input.contentType !== undefined ? checkUploadRequest(deps.policy, { contentType: input.contentType, size: 1, profile }).contentType : UNKNOWN_CONTENT_TYPE;
  const now = deps.clock.now();
  const uploadId = deps.uploadIds.next();
  const upload: UploadInitiatedData = {
    uploadId,
    ownerId: input.ownerId,
    key: uploadKey(input.ownerId, uploadId),
    filename,
    contentType,
    size: 0,
    profile,
    transfer: { method: 'single' },
    initiatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.policy.uploadExpirySeconds * 1000).toISOString(),
    source: { url: url.href },
  };
  await deps.deadlines.schedule({ uploadId, ownerId: input.ownerId, expiresAt: new Date(now.getTime() + urlIngest.leaseMs) });
  const context: EventContext = { ownerId: input.ownerId, correlationId: input.correlationId, causationId: null };
  await executeCommand(deps, uploadDecider, uploadStreamId(uploadId), { type: 'InitiateUpload', data: upload }, { context });
  deps.logger.info('url ingest initiated', { uploadId, host: url.host, correlationId: input.correlationId });
  return { upload, context };
};

/** The type to record once the source answered: the declared one, else the source's if allowed. */
export const fetchedContentType = (
  deps: IngestDependencies,
  upload: UploadInitiatedData,
  answered: string | undefined,
): string => {
  if (upload.contentType !== UNKNOWN_CONTENT_TYPE || answered === undefined) return upload.contentType;
  try {
    return checkUploadRequest(deps.policy, { contentType: answered, size: 1 }).contentType;
  } catch {
    return UNKNOWN_CONTENT_TYPE; // text/html and the like: the probe will refuse it, as for a PUT upload
  }
};
