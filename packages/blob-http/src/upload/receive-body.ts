// Feeds a request body into the size guard and hands it to a storage write. The request is not
// destroyed when the guard refuses the body, so the client can still read our 413/400 (the router
// then closes the connection rather than read the rest of an unwanted body).
import type { Request } from 'express';
import { BoundedBody, checkAnnouncedLength, type SizeBounds } from './bounded-body';

export const receiveBody = async <T>(
  req: Request,
  bounds: SizeBounds,
  write: (body: BoundedBody) => Promise<T>,
): Promise<T> => {
  checkAnnouncedLength(req.get('content-length'), bounds);
  const body = new BoundedBody(bounds);
  const abort = () => {
    if (!req.complete) body.destroy(new Error('the client aborted the upload'));
  };
  req.once('error', (error) => body.destroy(error));
  req.once('close', abort);
  req.pipe(body);
  try {
    return await write(body);
  } catch (error) {
    req.unpipe(body);
    throw error;
  } finally {
    req.off('close', abort);
  }
};

/** Content types compare on their essence, case-insensitively ("Video/MP4; x=1" is "video/mp4"). */
export const contentTypeEssence = (value: string | undefined): string =>
  (value ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
