// @mediaflow/blob-storage/aws: blobs in S3 (multipart, presigned URLs).
export { S3BlobStorage, type S3BlobStorageOptions } from './adapters/s3-blob-storage';
export { createS3Client } from './adapters/s3-client';
