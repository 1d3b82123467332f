// @mediaflow/blob-storage/aws: blobs in S3 (multipart, presigned URLs).
export { S3BlobStorage } from './adapters/s3-blob-storage';
export { createS3Client } from './adapters/s3-client';
