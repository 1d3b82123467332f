// Key rules shared by every adapter. They are stricter than S3 on purpose: a key valid here maps to
// exactly one file under the local root and one S3 object, so the two adapters never disagree.
import type { ByteRange } from './blob-storage';
import { InvalidBlobKey, InvalidBlobRange, InvalidPresignExpiry } from './errors';

/** S3's own limit, in UTF-8 bytes. */
const MAX_BLOB_KEY_BYTES = 1024;
export const MAX_PRESIGN_EXPIRY_SECONDS = 7 * 24 * 3600;

// C0, DEL and C1 controls: NUL truncates paths, newlines forge log lines and HTTP headers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

const checkCommon = (key: string): void => {
  if (Buffer.byteLength(key, 'utf8') > MAX_BLOB_KEY_BYTES) {
    throw new InvalidBlobKey(key, `longer than ${MAX_BLOB_KEY_BYTES} bytes`);
  }
  if (CONTROL_CHARS.test(key)) throw new InvalidBlobKey(key, 'contains a control character');
  if (key.startsWith('/')) throw new InvalidBlobKey(key, 'starts with a slash');
  if (key.includes('\\')) throw new InvalidBlobKey(key, 'contains a backslash (a separator on some disks)');
};

const checkSegments = (key: string, segments: string[]): void => {
  for (const segment of segments) {
    if (segment === '..' || segment === '.') throw new InvalidBlobKey(key, `has a "${segment}" segment`);
    // "a//b" and "a/b" are two S3 keys but one path on disk.
    if (segment === '') throw new InvalidBlobKey(key, 'has an empty segment');
  }
};

/** Throws InvalidBlobKey unless `key` names one object. */
export const assertBlobKey = (key: string): void => {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidBlobKey(String(key), 'is empty');
  checkCommon(key);
  if (key.endsWith('/')) throw new InvalidBlobKey(key, 'ends with a slash (that is a folder, not an object)');
  checkSegments(key, key.split('/'));
};

/** Throws InvalidBlobKey unless `prefix` is a usable list/delete prefix ('' means everything). */
export const assertBlobPrefix = (prefix: string): void => {
  if (typeof prefix !== 'string') throw new InvalidBlobKey(String(prefix), 'is not a string');
  if (prefix === '') return;
  checkCommon(prefix);
  // The last segment may be partial ("jobs/12" matches "jobs/123/..."), or empty after a trailing slash.
  const segments = prefix.split('/');
  const last = segments.pop() ?? '';
  checkSegments(prefix, segments);
  if (last === '..' || last === '.') throw new InvalidBlobKey(prefix, `has a "${last}" segment`);
};

export const assertPresignExpiry = (expiresInSeconds: number): void => {
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS
  ) {
    throw new InvalidPresignExpiry(expiresInSeconds);
  }
};

/** Throws InvalidBlobRange for a range no backend could serve (negative, fractional, reversed). */
export const assertByteRange = (key: string, range: ByteRange): void => {
  const { start, end } = range;
  const badEnd = end !== undefined && (!Number.isSafeInteger(end) || end < start);
  if (!Number.isSafeInteger(start) || start < 0 || badEnd) throw new InvalidBlobRange(key, range);
};
