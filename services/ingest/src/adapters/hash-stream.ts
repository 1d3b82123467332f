// SHA-256 of a stream, read once in chunks: how an adapter checks a digest storage does not hold.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

export const sha256OfStream = async (stream: Readable): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};
