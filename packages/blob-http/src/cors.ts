// Signed blob URLs are bearer capabilities, not cookie-authenticated: any origin may use them, so a
// player or uploader on another origin works. The ETag must be readable to complete multipart uploads.
import type { Response } from 'express';

export const applyCors = (res: Response): void => {
  res.set({
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'etag, content-length, content-range, accept-ranges',
  });
};

export const preflight = (res: Response): void => {
  applyCors(res);
  res
    .status(204)
    .set({
      'access-control-allow-methods': 'GET, HEAD, PUT',
      'access-control-allow-headers': 'content-type, range, if-none-match',
      'access-control-max-age': '600',
    })
    .end();
};
