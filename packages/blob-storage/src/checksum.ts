// SHA-256 while bytes flow, so a put hashes what it stores in the same pass and memory stays bounded.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobBody } from './blob-storage';

export interface HashedBytes {
  size: number;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** S3's x-amz-checksum-sha256 wants base64 of the digest; we keep hex everywhere else. */
export const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');
export const base64ToHex = (base64: string): string => Buffer.from(base64, 'base64').toString('hex');

const hashingTap = (result: HashedBytes): Transform => {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      result.size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      result.sha256 = hash.digest('hex');
      callback();
    },
  });
};

/** Writes `body` to `path` (created or truncated) and returns its size and SHA-256. */
export const writeHashed = async (body: BlobBody, path: string): Promise<HashedBytes> => {
  const result: HashedBytes = { size: 0, sha256: '' };
  const source =
    body instanceof Readable
      ? body
      : Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  await pipeline(source, hashingTap(result), createWriteStream(path));
  return result;
};

/** Size and SHA-256 of a local file, read as a stream. */
export const hashFile = async (path: string): Promise<HashedBytes> => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
};
