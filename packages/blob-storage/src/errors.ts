// Typed failures of the BlobStorage port. Callers branch on `code` (or the guards), never on
// adapter messages, so the S3 and local-disk adapters fail the same way.

export const BLOB_KEY_INVALID = 'BLOB_KEY_INVALID';
export const BLOB_NOT_FOUND = 'BLOB_NOT_FOUND';
const BLOB_PRESIGN_EXPIRY_INVALID = 'BLOB_PRESIGN_EXPIRY_INVALID';
export const BLOB_RANGE_INVALID = 'BLOB_RANGE_INVALID';

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && (error as { code: unknown }).code === code;

/** A key (or prefix) the storage refuses: it could escape the root, alias another key, or break S3 limits. */
export class InvalidBlobKey extends Error {
  readonly code = BLOB_KEY_INVALID;
  override readonly name = 'InvalidBlobKey';
  constructor(
    readonly key: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`invalid blob key ${JSON.stringify(key.slice(0, 200))}: ${reason}`, options);
  }
}

export const isInvalidBlobKey = (error: unknown): error is InvalidBlobKey => hasCode(error, BLOB_KEY_INVALID);

/** No object under that key (raised by reads; head answers null and delete succeeds instead). */
export class BlobNotFound extends Error {
  readonly code = BLOB_NOT_FOUND;
  override readonly name = 'BlobNotFound';
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no blob at key ${JSON.stringify(key)}`, options);
  }
}

export const isBlobNotFound = (error: unknown): error is BlobNotFound => hasCode(error, BLOB_NOT_FOUND);

/** A presign lifetime outside 1 s .. 7 days (SigV4's ceiling, applied to every adapter alike). */
export class InvalidPresignExpiry extends Error {
  readonly code = BLOB_PRESIGN_EXPIRY_INVALID;
  override readonly name = 'InvalidPresignExpiry';
  constructor(readonly expiresInSeconds: number) {
    super(`presign expiry must be a whole number of seconds in 1..604800, got ${expiresInSeconds}`);
  }
}

export const isInvalidPresignExpiry = (error: unknown): error is InvalidPresignExpiry =>
  hasCode(error, BLOB_PRESIGN_EXPIRY_INVALID);

/** A byte range that is malformed or starts past the end of the object (S3's 416). */
export class InvalidBlobRange extends Error {
  readonly code = BLOB_RANGE_INVALID;
  override readonly name = 'InvalidBlobRange';
  constructor(
    readonly key: string,
    readonly range: { start: number; end?: number },
    options?: { cause?: unknown },
  ) {
    super(
      `range ${range.start}-${range.end ?? ''} is not satisfiable for blob ${JSON.stringify(key)}`,
      options,
    );
  }
}

export const isInvalidBlobRange = (error: unknown): error is InvalidBlobRange =>
  hasCode(error, BLOB_RANGE_INVALID);
