// BlobStorage on an S3 bucket (AWS or an emulator behind AWS_ENDPOINT_URL). Every object carries its
// SHA-256 in metadata, so head can answer it even for multipart objects.
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createLogger, type Logger } from '@mediaflow/logging';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { assertBlobKey, assertBlobPrefix, assertByteRange, assertPresignExpiry } from '../blob-key';
import type {
  BlobBody,
  BlobHead,
  BlobStorage,
  BlobSummary,
  ByteRange,
  PutOptions,
  PutResult,
} from '../blob-storage';
import { hashFile, sha256Hex, type HashedBytes } from '../checksum';
import { BlobNotFound, InvalidBlobKey, InvalidBlobRange } from '../errors';
import { isS3InvalidRange, isS3NotFound } from './s3-errors';
import { spoolToTempFile } from './s3-spool';
import { MIN_PART_SIZE, SHA256_METADATA_KEY, stripQuotes, uploadToS3, type UploadTuning } from './s3-upload';

interface S3BlobStorageOptions {
  client: S3Client;
  bucket: string;
  /** Prepended to every key (e.g. "tenant-a/"); list and deletePrefix stay inside it. */
  keyPrefix?: string;
  /** Multipart part size, at least 5 MiB (default 8 MiB). Memory use is about partSize × queueSize. */
  partSize?: number;
  /** Parts uploaded in parallel (default 4). */
  queueSize?: number;
  /** Bytes from which a put goes multipart (default: partSize). */
  multipartThreshold?: number;
  /** Keys per ListObjectsV2 page, 1..1000 (default 1000; tests use less to cross pages quickly). */
  listPageSize?: number;
  logger?: Logger;
}

export class S3BlobStorage implements BlobStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly tuning: UploadTuning;
  private readonly pageSize: number;
  private readonly logger: Logger;

  constructor(options: S3BlobStorageOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix ?? '';
    if (this.keyPrefix) assertBlobPrefix(this.keyPrefix);
    const partSize = Math.max(options.partSize ?? 8 * 1024 * 1024, MIN_PART_SIZE);
    const multipartThreshold = options.multipartThreshold ?? partSize;
    this.tuning = { partSize, queueSize: options.queueSize ?? 4, multipartThreshold };
    this.pageSize = Math.min(Math.max(options.listPageSize ?? 1000, 1), 1000);
    this.logger = options.logger ?? createLogger('blob-storage');
  }

  async put(key: string, body: BlobBody, options: PutOptions): Promise<PutResult> {
    const objectKey = this.objectKey(key);
    if (!(body instanceof Uint8Array)) {
      // The SHA-256 goes in the first request's headers, so an unknown stream is hashed on disk first.
      const spooled = await spoolToTempFile(body);
      try {
        return await this.sendFile(key, spooled.path, spooled, options);
      } finally {
        await spooled.remove();
      }
    }
    const sha256 = sha256Hex(body);
    const request = {
      client: this.client,
      bucket: this.bucket,
      objectKey,
      body,
      size: body.byteLength,
      sha256,
      options,
    };
    const etag = await uploadToS3(request, this.tuning);
    return { key, size: body.byteLength, sha256, etag };
  }

  async putFile(key: string, localPath: string, options: PutOptions): Promise<PutResult> {
    this.objectKey(key); // a bad key fails before the file is read
    return this.sendFile(key, localPath, await hashFile(localPath), options);
  }

  async getStream(key: string, range?: ByteRange): Promise<Readable> {
    const Key = this.objectKey(key);
    if (range) assertByteRange(key, range);
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key, Range }));
      // In Node the SDK's body is an http.IncomingMessage: a Readable that streams as it arrives.
      return out.Body as Readable;
    } catch (error) {
      if (isS3NotFound(error)) throw new BlobNotFound(key, { cause: error });
      if (range && isS3InvalidRange(error)) throw new InvalidBlobRange(key, range, { cause: error });
      throw error;
    }
  }

  async head(key: string): Promise<BlobHead | null> {
    const Key = this.objectKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      const { [SHA256_METADATA_KEY]: sha256, ...metadata } = out.Metadata ?? {};
      return {
        size: out.ContentLength ?? 0,
        contentType: out.ContentType ?? 'application/octet-stream',
        etag: stripQuotes(out.ETag),
        lastModified: out.LastModified ?? new Date(0),
        metadata,
        ...(sha256 !== undefined && { sha256 }),
        ...(out.CacheControl !== undefined && { cacheControl: out.CacheControl }),
      };
    } catch (error) {
      if (isS3NotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    let deleted = 0;
    for await (const page of this.pages(prefix)) {
      if (page.length === 0) continue;
      const Objects = page.map((o) => ({ Key: this.keyPrefix + o.key }));
      const out = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects, Quiet: true } }),
      );
      const failed = out.Errors ?? [];
      if (failed.length > 0) {
        throw new Error(
          `deletePrefix ${JSON.stringify(prefix)}: ${failed.length} objects not deleted, first: ${failed[0]?.Key} ${failed[0]?.Code}`,
        );
      }
      deleted += page.length;
    }
    this.logger.debug('deleted blobs by prefix', { prefix, deleted });
    return deleted;
  }

  async list(prefix: string): Promise<BlobSummary[]> {
    const all: BlobSummary[] = [];
    for await (const page of this.pages(prefix)) all.push(...page);
    return all;
  }

  async presignGet(key: string, expiresInSeconds: number): Promise<string> {
    const Key = this.objectKey(key);
    assertPresignExpiry(expiresInSeconds);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key }), {
      expiresIn: expiresInSeconds,
    });
  }

  uri(key: string): string {
    return `s3://${this.bucket}/${this.objectKey(key)}`;
  }

  private async sendFile(
    key: string,
    path: string,
    hashed: HashedBytes,
    options: PutOptions,
  ): Promise<PutResult> {
    const { size, sha256 } = hashed;
    if (size < this.tuning.multipartThreshold) {
      // Bytes, not a stream: the SDK cannot resend a stream, so one throttle (503 SlowDown) or 500
      // would fail the whole put instead of being retried. Below the threshold (8 MiB) memory is cheap.
      const bytes = await readFile(path);
      const request = {
        client: this.client,
        bucket: this.bucket,
        objectKey: this.objectKey(key),
        body: bytes,
        size,
        sha256,
        options,
      };
      return { key, size, sha256, etag: await uploadToS3(request, this.tuning) };
    }
    this.logger.debug('multipart upload', { key, size, partSize: this.tuning.partSize });
    // Multipart reads the stream into one buffer per part, and each part's request is retried alone.
    const body = createReadStream(path);
    try {
      const request = {
        client: this.client,
        bucket: this.bucket,
        objectKey: this.objectKey(key),
        body,
        size,
        sha256,
        options,
      };
      return { key, size, sha256, etag: await uploadToS3(request, this.tuning) };
    } finally {
      body.destroy();
    }
  }

  private objectKey(key: string): string {
    assertBlobKey(key);
    const full = this.keyPrefix + key;
    if (Buffer.byteLength(full) > 1024)
      throw new InvalidBlobKey(key, 'longer than 1024 bytes with the key prefix');
    return full;
  }

  private async *pages(prefix: string): AsyncGenerator<BlobSummary[]> {
    assertBlobPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.keyPrefix + prefix,
          MaxKeys: this.pageSize,
          ContinuationToken,
        }),
      );
      yield (out.Contents ?? []).map((o) => ({
        key: (o.Key ?? '').slice(this.keyPrefix.length),
        size: o.Size ?? 0,
        lastModified: o.LastModified ?? new Date(0),
      }));
      ContinuationToken = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
}
