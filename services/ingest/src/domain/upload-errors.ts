// The ways an upload request or command is refused, each with a stable `code` the HTTP layer maps to
// a status in one place (adapters/http/ingest-problems). Messages are written for the client.

import type { SourceFailureCode } from './upload-events';

abstract class IngestError extends Error {
  abstract readonly code: string;
}

const define = (code: string, name: string) =>
  class extends IngestError {
    readonly code = code;
    override readonly name = name;
  };

export class FilenameInvalid extends define('FILENAME_INVALID', 'FilenameInvalid') {}
export class ContentTypeNotAllowed extends define('CONTENT_TYPE_NOT_ALLOWED', 'ContentTypeNotAllowed') {}
export class UploadTooLarge extends define('UPLOAD_TOO_LARGE', 'UploadTooLarge') {}
export class UploadSizeInvalid extends define('UPLOAD_SIZE_INVALID', 'UploadSizeInvalid') {}
export class ProfileUnknown extends define('PROFILE_UNKNOWN', 'ProfileUnknown') {}
export class UploadNotFound extends define('UPLOAD_NOT_FOUND', 'UploadNotFound') {}
export class UploadAlreadyExists extends define('UPLOAD_ALREADY_EXISTS', 'UploadAlreadyExists') {}
export class UploadAlreadyCompleted extends define('UPLOAD_ALREADY_COMPLETED', 'UploadAlreadyCompleted') {}
export class UploadExpired extends define('UPLOAD_EXPIRED', 'UploadExpired') {}
export class UploadAborted extends define('UPLOAD_ABORTED', 'UploadAborted') {}
export class UploadNotReceived extends define('UPLOAD_NOT_RECEIVED', 'UploadNotReceived') {}
export class UploadSizeMismatch extends define('UPLOAD_SIZE_MISMATCH', 'UploadSizeMismatch') {}
export class UploadChecksumMismatch extends define('UPLOAD_CHECKSUM_MISMATCH', 'UploadChecksumMismatch') {}
export class UploadChecksumConflict extends define('UPLOAD_CHECKSUM_CONFLICT', 'UploadChecksumConflict') {}
export class UploadPartsInvalid extends define('UPLOAD_PARTS_INVALID', 'UploadPartsInvalid') {}
/** A URL ingest still fetching: nothing to complete by hand; GET shows its progress. */
export class UploadFetching extends define('UPLOAD_FETCHING', 'UploadFetching') {}
/** A URL ingest that failed (its code and reason are on the upload): start a new one. */
export class UploadFailed extends define('UPLOAD_FAILED', 'UploadFailed') {}
/** A source URL that is not an absolute http(s) URL without credentials or fragment. */
export class SourceUrlInvalid extends define('SOURCE_URL_INVALID', 'SourceUrlInvalid') {}

/**
 * A URL ingest refused or stopped for a reason the source is to blame for. Known at request time for
 * a literal address (answered 422); otherwise while fetching, where it becomes the upload's failure.
 */
export class SourceFetchFailed extends IngestError {
  override readonly name = 'SourceFetchFailed';
  constructor(
    readonly code: SourceFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isIngestError = (error: unknown): error is IngestError => error instanceof IngestError;

/** Code → HTTP status: the one table the HTTP layer registers (domain code never sees a status). */
export const INGEST_ERROR_STATUS = {
  FILENAME_INVALID: 400,
  CONTENT_TYPE_NOT_ALLOWED: 415,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_SIZE_INVALID: 400,
  PROFILE_UNKNOWN: 400,
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_ALREADY_EXISTS: 409,
  UPLOAD_ALREADY_COMPLETED: 409,
  UPLOAD_EXPIRED: 410,
  UPLOAD_ABORTED: 409,
  UPLOAD_NOT_RECEIVED: 409,
  UPLOAD_SIZE_MISMATCH: 422,
  UPLOAD_CHECKSUM_MISMATCH: 422,
  // The SHA-256 given at completion is not the one declared at creation: the request contradicts the upload.
  UPLOAD_CHECKSUM_CONFLICT: 409,
  // The parts named disagree with what is stored (or the upload is a single PUT): a state conflict.
  UPLOAD_PARTS_INVALID: 409,
  UPLOAD_FETCHING: 409,
  UPLOAD_FAILED: 409,
  // The request is well formed but names a source the service will not fetch: like other semantic refusals, 422.
  SOURCE_URL_INVALID: 422,
  SOURCE_ADDRESS_LOOPBACK: 422,
  SOURCE_ADDRESS_INTERNAL: 422,
} as const;
