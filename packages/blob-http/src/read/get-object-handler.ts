// GET/HEAD under a signed prefix token: /blobs/<bucket>/t/<token>/<key...>. The token covers the
// prefix; anything below it is readable until the token expires.
import type { Request, Response } from 'express';
import type { BlobStorage } from '@mediaflow/blob-storage';
import { verifyPrefixPath, type GrantedKey } from '../signing/prefix-token';
import type { VerificationSecrets } from '../signing/hmac';
import { blobProblem } from '../signing/signature-errors';
import { serveObject } from './serve-object';

interface ReadContext {
  readonly secrets: VerificationSecrets;
  readonly bucket: string;
  readonly storage: BlobStorage;
  readonly now: () => number;
}

/** Returns the key the token grants; throws the 403/404 problem otherwise. */
export const verifiedKey = (
  context: Omit<ReadContext, 'storage'>,
  segments: readonly string[],
  trailingSlash: boolean,
): GrantedKey => {
  const [token, ...keySegments] = segments;
  if (token === undefined || keySegments.length === 0)
    throw blobProblem('URL_SIGNATURE_INVALID', 'a read URL is /blobs/<bucket>/t/<token>/<key>');
  const granted = verifyPrefixPath(context.secrets, context.bucket, token, keySegments, context.now());
  if (trailingSlash) throw blobProblem('BLOB_NOT_FOUND', 'this URL names a folder; append a file name to it');
  return granted;
};

/** Private: the URL is a bearer capability, so shared caches must not keep its answers. */
const cacheControlFor = (expiresAtMs: number, nowMs: number): string =>
  `private, max-age=${Math.max(0, Math.min(3600, Math.floor((expiresAtMs - nowMs) / 1000)))}`;

export const getObject = async (
  req: Request,
  res: Response,
  context: ReadContext,
  segments: readonly string[],
  trailingSlash: boolean,
): Promise<void> => {
  const { key, expiresAtMs } = verifiedKey(context, segments, trailingSlash);
  await serveObject(req, res, context.storage, key, {
    defaultCacheControl: cacheControlFor(expiresAtMs, context.now()),
  });
};
