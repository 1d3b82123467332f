// Turns the raw (still percent-encoded) request path into decoded segments, refusing anything that
// could name a file outside the signed place: "..", ".", empty segments, backslashes, encoded slashes
// and control characters — checked after decoding, so "%2e%2e" and "%5c" are caught like ".." and "\".
import { blobProblem } from '../signing/signature-errors';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

const decodeSegment = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw blobProblem('BLOB_PATH_INVALID', 'the path has a malformed percent-encoding');
  }
};

const assertSafeSegment = (segment: string): void => {
  if (segment === '.' || segment === '..')
    throw blobProblem('BLOB_PATH_INVALID', `the path has a "${segment}" segment`);
  if (segment.includes('/') || segment.includes('\\'))
    throw blobProblem('BLOB_PATH_INVALID', 'a path segment contains a slash or backslash');
  if (CONTROL_CHARS.test(segment))
    throw blobProblem('BLOB_PATH_INVALID', 'the path contains a control character');
};

interface ParsedBlobPath {
  /** Decoded segments, none empty. */
  readonly segments: string[];
  /** The path ended with "/": it names a folder (a prefix), not an object. */
  readonly trailingSlash: boolean;
}

/** `rawPath` is the path after the router's mount point, e.g. `/uploads/o/owner/up_1/source`. */
export const parseBlobPath = (rawPath: string): ParsedBlobPath => {
  if (rawPath.includes('\\')) throw blobProblem('BLOB_PATH_INVALID', 'the path contains a backslash');
  const raw = rawPath.split('/').slice(1);
  const trailingSlash = raw.length > 0 && raw[raw.length - 1] === '';
  if (trailingSlash) raw.pop();
  const segments = raw.map((r) => {
    if (r === '') throw blobProblem('BLOB_PATH_INVALID', 'the path has an empty segment');
    const decoded = decodeSegment(r);
    assertSafeSegment(decoded);
    return decoded;
  });
  return { segments, trailingSlash };
};

/** The inverse: each segment percent-encoded, so a key with spaces or "#" survives the URL. */
export const encodeKeyPath = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
