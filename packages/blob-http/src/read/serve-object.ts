// Streams one stored object as an HTTP response: type, length, ETag, Last-Modified, cache headers,
// conditional GET and a single byte range. Shared by the embedded GET route and by the AWS redirect
// router for playlists (which must not be redirected; see blob-redirect-router).
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { BlobStorage } from '@mediaflow/blob-storage';
import { blobProblem } from '../signing/signature-errors';
import { resolveRange } from './byte-range';

interface ServeOptions {
  /** Used when the object has no Cache-Control of its own. */
  readonly defaultCacheControl: string;
}

export const serveObject = async (
  req: Request,
  res: Response,
  storage: BlobStorage,
  key: string,
  options: ServeOptions,
): Promise<void> => {
  const head = await storage.head(key);
  if (!head) throw blobProblem('BLOB_NOT_FOUND', 'no object at this URL');
  const etag = `"${head.etag}"`;
  res.set({
    'content-type': head.contentType,
    etag,
    'last-modified': head.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'cache-control': head.cacheControl ?? options.defaultCacheControl,
  });
  if (
    req
      .get('if-none-match')
      ?.split(',')
      .some((t) => t.trim() === etag || t.trim() === '*')
  ) {
    res.status(304).end();
    return;
  }
  const range = resolveRange(req.get('range'), head.size);
  if (range.kind === 'unsatisfiable') {
    throw blobProblem('BLOB_RANGE_INVALID', `the object has ${head.size} bytes`, {
      'content-range': `bytes */${head.size}`,
    });
  }
  const partial = range.kind === 'partial' ? range.range : undefined;
  if (partial) res.status(206).set('content-range', `bytes ${partial.start}-${partial.end}/${head.size}`);
  else res.status(200);
  res.set('content-length', String(partial ? partial.end - partial.start + 1 : head.size));
  if (req.method === 'HEAD' || head.size === 0) {
    res.end();
    return;
  }
  const stream = await storage.getStream(key, partial);
  // A failure after the status went out cannot become a problem response: the error handler cuts the
  // connection, so the client sees a short body rather than a wrong one.
  try {
    await pipeline(stream, res);
  } catch (error) {
    // A player seeking away closes its request: normal, not an error worth a log line.
    if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  }
};
