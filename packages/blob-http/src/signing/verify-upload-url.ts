// Checks the query of a signed PUT or part URL against the path it arrived on. Signature first, then
// expiry, so "expired" is only ever said about a URL we really signed.
import { fromBase64Url, signedByAny, type VerificationSecrets } from './hmac';
import { partMac, putMac, QUERY } from './blob-url-signer';
import { blobProblem } from './signature-errors';

type QueryValues = Record<string, unknown>;

const single = (query: QueryValues, name: string): string => {
  const value = query[name];
  if (typeof value !== 'string' || value.length === 0)
    throw blobProblem('URL_SIGNATURE_INVALID', `the URL lacks its ${name} parameter`);
  // No signed field holds a newline (the MAC joins fields with one): such a URL was never signed here.
  if (value.includes('\n'))
    throw blobProblem('URL_SIGNATURE_INVALID', `the URL's ${name} parameter was not signed here`);
  return value;
};

const wholeNumber = (query: QueryValues, name: string): number => {
  const text = single(query, name);
  if (!/^\d{1,15}$/.test(text))
    throw blobProblem('URL_SIGNATURE_INVALID', `the URL's ${name} is not a whole number`);
  return Number(text);
};

const checkMac = (
  query: QueryValues,
  secrets: VerificationSecrets,
  macOf: (secret: string) => Buffer,
  expiresAt: number,
  nowMs: number,
): void => {
  const given = fromBase64Url(single(query, QUERY.signature));
  if (!given || !signedByAny(secrets, given, macOf))
    throw blobProblem('URL_SIGNATURE_INVALID', 'the URL signature does not match');
  if (nowMs >= expiresAt * 1000)
    throw blobProblem('URL_EXPIRED', 'the upload URL has expired; ask for a new one');
};

interface VerifiedPut {
  readonly size: number;
  readonly contentType: string;
}

export const verifyPutUrl = (
  secrets: VerificationSecrets,
  bucket: string,
  key: string,
  query: QueryValues,
  nowMs: number,
): VerifiedPut => {
  const expiresAt = wholeNumber(query, QUERY.expires);
  const size = wholeNumber(query, QUERY.size);
  const contentType = single(query, QUERY.type);
  checkMac(query, secrets, (secret) => putMac(secret, bucket, key, size, contentType, expiresAt), expiresAt, nowMs);
  return { size, contentType };
};

export const verifyPartUrl = (
  secrets: VerificationSecrets,
  bucket: string,
  multipartId: string,
  partNumber: number,
  query: QueryValues,
  nowMs: number,
): number => {
  const expiresAt = wholeNumber(query, QUERY.expires);
  const maxSize = wholeNumber(query, QUERY.maxSize);
  checkMac(query, secrets, (secret) => partMac(secret, bucket, multipartId, partNumber, maxSize, expiresAt), expiresAt, nowMs);
  return maxSize;
};
