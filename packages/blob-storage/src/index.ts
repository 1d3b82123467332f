// @mediaflow/blob-storage: the BlobStorage port, its typed errors and key rules, and its adapters.
// Adapters: '@mediaflow/blob-storage/local' (a folder on disk) and '@mediaflow/blob-storage/aws' (S3).
export type {
  BlobBody,
  BlobHead,
  BlobStorage,
  BlobSummary,
  ByteRange,
  PutOptions,
  PutResult,
} from './blob-storage';
export {
  BLOB_KEY_INVALID,
  BLOB_NOT_FOUND,
  BLOB_RANGE_INVALID,
  BlobNotFound,
  InvalidBlobKey,
  InvalidBlobRange,
  InvalidPresignExpiry,
  isBlobNotFound,
  isInvalidBlobKey,
  isInvalidBlobRange,
  isInvalidPresignExpiry,
} from './errors';
export { MAX_PRESIGN_EXPIRY_SECONDS, assertBlobKey, assertBlobPrefix } from './blob-key';
