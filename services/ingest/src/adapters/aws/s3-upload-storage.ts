// UploadStorage on S3 (AWS, or an emulator behind AWS_ENDPOINT_URL): presigned PutObject and
// UploadPart URLs, multipart create/list/complete/abort, and HeadObject for the completion check.
// SHA-256, in order of preference: S3's own full-object checksum (verified by S3 on the PUT, since
// the URL signs x-amz-checksum-sha256), then x-amz-meta-sha256 (written by @mediaflow/blob-storage's
// S3 adapter; a presigned client cannot add unsigned x-amz-* headers), else the bytes are read and hashed.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { PartReference, StoredPart } from '../../domain/multipart-parts';
import { UploadNotReceived, UploadPartsInvalid } from '../../domain/upload-errors';
import type {
  MultipartRef,
  PresignedPart,
  PresignedPut,
  PresignPutRequest,
  StoredObject,
  UploadStorage,
} from '../../ports/upload-storage';
import { sha256OfStream } from '../hash-stream';
import { listS3Parts } from './s3-list-parts';
import { presignS3Part, presignS3Put } from './s3-presign';
import { isNoSuchUpload, isS3NotFound, isS3PartProblem } from './s3-errors';

interface S3UploadStorageOptions {
  /** Built with requestChecksumCalculation WHEN_REQUIRED (see createPresigningS3Client). */
  readonly client: S3Client;
  readonly bucket: string;
  /** Same prefix as the uploads BlobStorage (bucketKeyPrefixes.uploads), so keys mean the same object. */
  readonly keyPrefix?: string;
  readonly now?: () => Date;
}

const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (b64: string): string => Buffer.from(b64, 'base64').toString('hex');

export class S3UploadStorage implements UploadStorage {
  private readonly prefix: string;
  private readonly now: () => Date;

  constructor(private readonly options: S3UploadStorageOptions) {
    this.prefix = options.keyPrefix ?? '';
    this.now = options.now ?? (() => new Date());
  }

  async presignPut(request: PresignPutRequest): Promise<PresignedPut> {
    const { url, headers } = await presignS3Put(this.options.client, {
      bucket: this.options.bucket,
      objectKey: this.objectKey(request.key),
      size: request.size,
      contentType: request.contentType,
      ...(request.sha256 !== undefined && { sha256Base64: hexToBase64(request.sha256) }),
      expiresIn: request.expiresInSeconds,
    });
    return { url, headers, expiresAt: this.expiry(request.expiresInSeconds) };
  }

  async createMultipart(request: { key: string; contentType: string }): Promise<string> {
    const out = await this.options.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(request.key),
        ContentType: request.contentType,
      }),
    );
    if (!out.UploadId) throw new Error('S3 returned no UploadId');
    return out.UploadId;
  }

  async presignParts(
    request: MultipartRef & { partCount: number; partSize: number; expiresInSeconds: number },
  ): Promise<PresignedPart[]> {
    const expiresAt = this.expiry(request.expiresInSeconds);
    const objectKey = this.objectKey(request.key);
    return Promise.all(
      Array.from({ length: request.partCount }, async (_, i) => ({
        partNumber: i + 1,
        url: await presignS3Part(this.options.client, {
          bucket: this.options.bucket,
          objectKey,
          uploadId: request.multipartId,
          partNumber: i + 1,
          expiresIn: request.expiresInSeconds,
        }),
        expiresAt,
      })),
    );
  }

  async listParts(request: MultipartRef): Promise<StoredPart[]> {
    try {
      return await listS3Parts(
        this.options.client,
        this.options.bucket,
        this.objectKey(request.key),
        request.multipartId,
      );
    } catch (error) {
      if (isNoSuchUpload(error)) return [];
      throw error;
    }
  }

  async completeMultipart(request: MultipartRef & { parts: readonly PartReference[] }): Promise<void> {
    try {
      await this.options.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.options.bucket,
          Key: this.objectKey(request.key),
          UploadId: request.multipartId,
          MultipartUpload: {
            Parts: request.parts.map((p) => ({
              PartNumber: p.partNumber,
              ETag: `"${p.etag.replace(/^"|"$/g, '')}"`,
            })),
          },
        }),
      );
    } catch (error) {
      if (isNoSuchUpload(error))
        throw new UploadNotReceived('the multipart upload has no parts any more', { cause: error });
      if (isS3PartProblem(error))
        throw new UploadPartsInvalid(`S3 refused the parts: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }

  async abortMultipart(request: MultipartRef): Promise<void> {
    try {
      await this.options.client.send(
        new AbortMultipartUploadCommand({
          Bucket: this.options.bucket,
          Key: this.objectKey(request.key),
          UploadId: request.multipartId,
        }),
      );
    } catch (error) {
      if (!isNoSuchUpload(error) && !isS3NotFound(error)) throw error;
    }
  }

  async inspect(key: string, options: { withSha256?: boolean } = {}): Promise<StoredObject | null> {
    const Key = this.objectKey(key);
    let head;
    try {
      head = await this.options.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key, ChecksumMode: 'ENABLED' }),
      );
    } catch (error) {
      if (isS3NotFound(error)) return null;
      throw error;
    }
    const size = head.ContentLength ?? 0;
    // A composite (multipart) checksum ends in "-<parts>": it is not the digest of the whole object.
    const own =
      head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-')
        ? base64ToHex(head.ChecksumSHA256)
        : undefined;
    const sha256 = own ?? head.Metadata?.sha256;
    if (sha256 !== undefined || !options.withSha256) return { size, ...(sha256 !== undefined && { sha256 }) };
    const object = await this.options.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key, ...(head.ETag && { IfMatch: head.ETag }) }),
    );
    return { size, sha256: await sha256OfStream(object.Body as Readable) };
  }

  async delete(key: string): Promise<void> {
    await this.options.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
  }

  private objectKey(key: string): string {
    return this.prefix + key;
  }

  private expiry(seconds: number): Date {
    return new Date(this.now().getTime() + seconds * 1000);
  }
}
