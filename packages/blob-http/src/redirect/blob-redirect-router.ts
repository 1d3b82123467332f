// The AWS face of signed prefix URLs: the same /blobs/<bucket>/t/<token>/<key> URLs as embedded mode,
// answered with a 302 to a short-lived S3 presigned GET, so one prefix URL serves a whole HLS tree.
// Playlists are streamed instead of redirected: players resolve a playlist's relative segment paths
// against the URL it finally came from, and that must stay ours (with the token), not S3's.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { BlobStorage } from '@mediaflow/blob-storage';
import { BLOB_ROUTE_PREFIX } from '../blob-router';
import { applyCors, preflight } from '../cors';
import { parseBlobPath } from '../paths/blob-path';
import { verifiedKey } from '../read/get-object-handler';
import { serveObject } from '../read/serve-object';
import { verificationSecrets } from '../signing/hmac';
import { blobProblem } from '../signing/signature-errors';

interface BlobRedirectRouterOptions {
  readonly storages: Readonly<Record<string, BlobStorage>>;
  readonly secret: string;
  /** Still accepted, never used to sign: the secret before a rotation, until its URLs have expired. */
  readonly previousSecrets?: readonly string[];
  /** Lifetime of each S3 presigned GET (default 300 s): just long enough to start the transfer. */
  readonly redirectTtlSeconds?: number;
  readonly now?: () => number;
}

/** Manifests whose relative references must resolve against our URL. */
const PLAYLIST = /\.(m3u8|mpd)$/i;

export const createBlobRedirectRouter = (options: BlobRedirectRouterOptions): Router => {
  const secrets = verificationSecrets(options.secret, options.previousSecrets);
  const now = options.now ?? Date.now;
  const ttl = options.redirectTtlSeconds ?? 300;

  const handle: RequestHandler = async (req: Request, res: Response, next) => {
    if (req.method === 'OPTIONS') return preflight(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const { segments, trailingSlash } = parseBlobPath(req.path);
    const [bucket, kind, ...rest] = segments;
    const storage = bucket === undefined ? undefined : options.storages[bucket];
    if (!storage || bucket === undefined || kind !== 't')
      throw blobProblem('BLOB_NOT_FOUND', 'no such bucket');
    applyCors(res);
    const { key } = verifiedKey({ secrets, bucket, now }, rest, trailingSlash);
    if (PLAYLIST.test(key)) {
      await serveObject(req, res, storage, key, { defaultCacheControl: 'private, max-age=2' });
      return;
    }
    // The redirect itself is cacheable no longer than the presigned URL it points at lives.
    res
      .set('cache-control', `private, max-age=${Math.max(0, ttl - 30)}`)
      .redirect(302, await storage.presignGet(key, ttl));
  };

  const router = express.Router();
  router.use(BLOB_ROUTE_PREFIX, handle);
  return router;
};
