// Sends bytes whose size and SHA-256 are already known: one PutObject below the threshold, else a
// parallel multipart Upload. S3 checks each request's SHA-256, so a corrupted transfer fails loudly.
import { PutObjectCommand, type PutObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { PutOptions } from '../blob-storage';
import { hexToBase64 } from '../checksum';

/** S3 refuses parts under 5 MiB (except the last). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export interface UploadTuning {
  partSize: number;
  queueSize: number;
  multipartThreshold: number;
}

export interface UploadRequest {
  client: S3Client;
  bucket: string;
  objectKey: string;
  body: Buffer | Uint8Array | Readable;
  size: number;
  sha256: string;
  options: PutOptions;
}

/** The metadata key holding our hex SHA-256 (x-amz-meta-sha256): it survives multipart, unlike S3's own checksum. */
export const SHA256_METADATA_KEY = 'sha256';

const objectParams = (r: UploadRequest): PutObjectCommandInput => ({
  Bucket: r.bucket,
  Key: r.objectKey,
  ContentType: r.options.contentType,
  ...(r.options.cacheControl !== undefined && { CacheControl: r.options.cacheControl }),
  Metadata: { ...r.options.metadata, [SHA256_METADATA_KEY]: r.sha256 },
});

/** S3 quotes ETags (HTTP style); the port hands them out bare. */
export const stripQuotes = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '');

/** Returns the ETag S3 gave the new object (multipart ones end in "-<parts>"). */
export const uploadToS3 = async (request: UploadRequest, tuning: UploadTuning): Promise<string> => {
  const params = objectParams(request);
  if (request.size < tuning.multipartThreshold) {
    const out = await request.client.send(
      new PutObjectCommand({
        ...params,
        Body: request.body,
        ContentLength: request.size,
        ChecksumSHA256: hexToBase64(request.sha256),
      }),
    );
    return stripQuotes(out.ETag);
  }
  const upload = new Upload({
    client: request.client,
    params: { ...params, Body: request.body, ChecksumAlgorithm: 'SHA256' },
    partSize: tuning.partSize,
    queueSize: tuning.queueSize,
    // A failed upload must not leave billed, invisible parts behind.
    leavePartsOnError: false,
  });
  const out = await upload.done();
  return stripQuotes(out.ETag);
};
