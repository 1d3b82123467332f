// The token of a signed prefix URL: base64url(expiry u32 | prefix segment count u8 | HMAC(bucket,
// prefix, expiry)). The count tells the server where the signed prefix ends in the path, so every
// object below it (an HLS playlist and its relatively-addressed segments) shares one URL base.
import { fromBase64Url, hmac, signedByAny, toBase64Url, type VerificationSecrets } from './hmac';
import { blobProblem } from './signature-errors';

const HEADER_BYTES = 5;
const MAC_BYTES = 32;
const MAX_PREFIX_SEGMENTS = 255;

const prefixMac = (secret: string, bucket: string, prefix: string, expiresAt: number): Buffer =>
  hmac(secret, ['prefix', bucket, prefix, expiresAt]);

export const encodePrefixToken = (
  secret: string,
  bucket: string,
  segments: readonly string[],
  expiresAt: number,
): string => {
  if (segments.length === 0 || segments.length > MAX_PREFIX_SEGMENTS) {
    throw new Error(`a signed prefix needs 1..${MAX_PREFIX_SEGMENTS} segments, got ${segments.length}`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(expiresAt, 0);
  header.writeUInt8(segments.length, 4);
  return toBase64Url(Buffer.concat([header, prefixMac(secret, bucket, segments.join('/'), expiresAt)]));
};

interface DecodedPrefixToken {
  readonly expiresAt: number;
  readonly segmentCount: number;
  readonly mac: Buffer;
}

const decodePrefixToken = (token: string): DecodedPrefixToken => {
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length !== HEADER_BYTES + MAC_BYTES)
    throw blobProblem('URL_SIGNATURE_INVALID', 'the URL token is malformed');
  return {
    expiresAt: bytes.readUInt32BE(0),
    segmentCount: bytes.readUInt8(4),
    mac: bytes.subarray(HEADER_BYTES),
  };
};

/**
 * Checks `segments` (the decoded path after the token) against the token and returns the object key.
 * Forged, tampered or out-of-prefix paths all fail the MAC; the expiry is checked after it, so an
 * expired answer is only ever given for a URL we really signed.
 */
export interface GrantedKey {
  readonly key: string;
  /** When the token stops working, in ms since the epoch. */
  readonly expiresAtMs: number;
}

export const verifyPrefixPath = (
  secrets: VerificationSecrets,
  bucket: string,
  token: string,
  segments: readonly string[],
  nowMs: number,
): GrantedKey => {
  const decoded = decodePrefixToken(token);
  if (decoded.segmentCount === 0 || segments.length < decoded.segmentCount) {
    throw blobProblem('URL_SIGNATURE_INVALID', 'the path is outside the signed prefix');
  }
  const prefix = segments.slice(0, decoded.segmentCount).join('/');
  if (!signedByAny(secrets, decoded.mac, (secret) => prefixMac(secret, bucket, prefix, decoded.expiresAt))) {
    throw blobProblem('URL_SIGNATURE_INVALID', 'the URL signature does not match its path');
  }
  if (nowMs >= decoded.expiresAt * 1000)
    throw blobProblem('URL_EXPIRED', 'the URL has expired; ask for a new one');
  return { key: segments.join('/'), expiresAtMs: decoded.expiresAt * 1000 };
};
