// The SHA-256 the upload declares (the server verifies it at completion), read as a stream so a
// file of any size costs one buffer of memory.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const sha256OfFile = async (file: string, onBytes: (bytes: number) => void = () => undefined): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    onBytes((chunk as Buffer).length);
  }
  return hash.digest('hex');
};
