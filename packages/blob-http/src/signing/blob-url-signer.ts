// Signs the URLs the embedded blob endpoint accepts: a single PUT bound to key, exact size, content
// type and expiry; a multipart part PUT bound to its upload, part number and maximum size; and GETs
// under a signed prefix. Stateless: everything the server checks is in the URL and its HMAC.
import { assertBlobKey, InvalidPresignExpiry, MAX_PRESIGN_EXPIRY_SECONDS } from '@mediaflow/blob-storage';
import { encodeKeyPath } from '../paths/blob-path';
import { assertSigningSecret, hmac, toBase64Url } from './hmac';
import { encodePrefixToken } from './prefix-token';

interface BlobUrlSignerOptions {
  /** At least 32 bytes; the same secret must be given to the router that checks the URLs. */
  readonly secret: string;
  /** Origin (and optional path) clients reach the blob router at, e.g. http://127.0.0.1:8080. */
  readonly baseUrl: string;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  readonly now?: () => number;
}

interface SignedPut {
  readonly url: string;
  readonly method: 'PUT';
  /** Headers the client must send with the bytes. */
  readonly headers: Record<string, string>;
  readonly expiresAt: Date;
}

interface SignedPart {
  readonly partNumber: number;
  readonly url: string;
  readonly expiresAt: Date;
}

interface SignPutRequest {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly contentType: string;
  readonly expiresInSeconds: number;
}

interface SignPartRequest {
  readonly bucket: string;
  readonly multipartId: string;
  readonly partNumber: number;
  readonly maxPartSize: number;
  readonly expiresInSeconds: number;
}

export const QUERY = {
  expires: 'x-expires',
  size: 'x-size',
  type: 'x-type',
  maxSize: 'x-max-size',
  signature: 'x-signature',
} as const;

export const putMac = (
  secret: string,
  bucket: string,
  key: string,
  size: number,
  type: string,
  expiresAt: number,
): Buffer => hmac(secret, ['put', bucket, key, size, type, expiresAt]);

export const partMac = (
  secret: string,
  bucket: string,
  multipartId: string,
  partNumber: number,
  maxSize: number,
  expiresAt: number,
): Buffer => hmac(secret, ['part', bucket, multipartId, partNumber, maxSize, expiresAt]);

const BUCKET = /^[a-z][a-z0-9-]{0,62}$/;

export class BlobUrlSigner {
  private readonly base: string;
  private readonly now: () => number;

  constructor(private readonly options: BlobUrlSignerOptions) {
    assertSigningSecret(options.secret);
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/blobs`;
    this.now = options.now ?? Date.now;
  }

  signPut(request: SignPutRequest): SignedPut {
    const { bucket, key, size, contentType } = request;
    assertBlobKey(key);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new Error(`size must be a whole number of bytes, got ${size}`);
    const expiresAt = this.expiry(bucket, request.expiresInSeconds);
    const query = new URLSearchParams({
      [QUERY.expires]: String(expiresAt),
      [QUERY.size]: String(size),
      [QUERY.type]: contentType,
      [QUERY.signature]: toBase64Url(putMac(this.options.secret, bucket, key, size, contentType, expiresAt)),
    });
    const url = `${this.base}/${bucket}/o/${encodeKeyPath(key)}?${query.toString()}`;
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': contentType },
      expiresAt: new Date(expiresAt * 1000),
    };
  }

  signPart(request: SignPartRequest): SignedPart {
    const { bucket, multipartId, partNumber, maxPartSize } = request;
    if (!Number.isInteger(partNumber) || partNumber < 1)
      throw new Error(`part numbers start at 1, got ${partNumber}`);
    if (!Number.isSafeInteger(maxPartSize) || maxPartSize < 1)
      throw new Error(`maxPartSize must be positive, got ${maxPartSize}`);
    const expiresAt = this.expiry(bucket, request.expiresInSeconds);
    const query = new URLSearchParams({
      [QUERY.expires]: String(expiresAt),
      [QUERY.maxSize]: String(maxPartSize),
      [QUERY.signature]: toBase64Url(
        partMac(this.options.secret, bucket, multipartId, partNumber, maxPartSize, expiresAt),
      ),
    });
    const url = `${this.base}/${bucket}/mp/${encodeURIComponent(multipartId)}/${partNumber}?${query.toString()}`;
    return { partNumber, url, expiresAt: new Date(expiresAt * 1000) };
  }

  /** A base URL ending in "/": append any key below `prefix` (relative HLS paths resolve against it). */
  signPrefix(bucket: string, prefix: string, expiresInSeconds: number): string {
    const trimmed = prefix.replace(/\/+$/, '');
    assertBlobKey(trimmed);
    const expiresAt = this.expiry(bucket, expiresInSeconds);
    const token = encodePrefixToken(this.options.secret, bucket, trimmed.split('/'), expiresAt);
    return `${this.base}/${bucket}/t/${token}/${encodeKeyPath(trimmed)}/`;
  }

  /** A URL reading exactly one object: the prefix token signed over the whole key. */
  signGet(bucket: string, key: string, expiresInSeconds: number): string {
    return this.signPrefix(bucket, key, expiresInSeconds).slice(0, -1);
  }

  private expiry(bucket: string, expiresInSeconds: number): number {
    if (!BUCKET.test(bucket)) throw new Error(`bucket "${bucket}" must match ${BUCKET}`);
    // The same 1 s .. 7 days as S3 presigning, so a TTL valid in one mode is valid in the other.
    if (
      !Number.isInteger(expiresInSeconds) ||
      expiresInSeconds < 1 ||
      expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS
    ) {
      throw new InvalidPresignExpiry(expiresInSeconds);
    }
    return Math.floor(this.now() / 1000) + expiresInSeconds;
  }
}
