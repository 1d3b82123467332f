// How a job is named: derived from its upload (so a redelivered UploadCompleted finds the same job),
// its event stream, and where its outputs go in the outputs storage.
import { createHash } from 'node:crypto';

const UPLOAD_PREFIX = 'up_';

/** `up_<suffix>` → `job_<suffix>`; an upload id from elsewhere keeps its whole text as the suffix. */
export const jobIdForUpload = (uploadId: string): string =>
  `job_${uploadId.startsWith(UPLOAD_PREFIX) ? uploadId.slice(UPLOAD_PREFIX.length) : uploadId}`;

export const jobStreamId = (jobId: string): string => `job-${jobId}`;
export const JOB_STREAM_PREFIX = 'job-';

/**
 * The owner id made key-safe: anything outside `[A-Za-z0-9_-]` becomes `_`, plus a short hash of the
 * original when something changed, so two owners never share a prefix (docs/services-design.md).
 */
export const ownerKeySegment = (ownerId: string): string => {
  const safe = ownerId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
  if (safe === ownerId) return safe;
  return `${safe}-${createHash('sha256').update(ownerId).digest('hex').slice(0, 8)}`;
};

export const outputPrefixFor = (ownerId: string, jobId: string): string => `${ownerKeySegment(ownerId)}/${jobId}`;
