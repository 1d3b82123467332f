// @mediaflow/blob-storage: the BlobStorage port, its typed errors and key rules, and its adapters.
// The contract suite is imported from '@mediaflow/blob-storage/src/testing/blob-storage-contract'.
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
  BLOB_PRESIGN_EXPIRY_INVALID,
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
export { MAX_BLOB_KEY_BYTES, MAX_PRESIGN_EXPIRY_SECONDS, assertBlobKey, assertBlobPrefix } from './blob-key';
export {
  LocalDiskBlobStorage,
  type LocalDiskBlobStorageOptions,
  type LocalUrlSigner,
} from './adapters/local-disk-blob-storage';
export { S3BlobStorage, type S3BlobStorageOptions } from './adapters/s3-blob-storage';
export { createS3Client } from './adapters/s3-client';
