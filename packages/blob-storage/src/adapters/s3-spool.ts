// Parks a stream of unknown length in a temp file while hashing it: S3 wants the SHA-256 (and, for
// PutObject, the length) before the first byte is sent, and memory must stay bounded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { writeHashed } from '../checksum';

interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  remove(): Promise<void>;
}

export const spoolToTempFile = async (body: Readable, dir: string = tmpdir()): Promise<SpooledFile> => {
  const folder = await mkdtemp(join(dir, 'mediaflow-blob-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    const path = join(folder, 'body');
    const hashed = await writeHashed(body, path);
    return { path, ...hashed, remove };
  } catch (error) {
    await remove();
    throw error;
  }
};
