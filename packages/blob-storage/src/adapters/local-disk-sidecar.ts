// The sidecar of a local blob: what S3 keeps as object headers. It names the inode of the bytes it
// describes, so a head racing an overwrite never pairs new bytes with an old checksum.
import type { Stats } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { BlobHead, PutOptions } from '../blob-storage';

interface Sidecar {
  contentType: string;
  cacheControl?: string;
  metadata: Record<string, string>;
  sha256: string;
  size: number;
  ino: number;
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Lower-cases metadata keys, as S3 does, so both adapters return the same head. */
const normaliseMetadata = (metadata: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));

export const sidecarFor = (options: PutOptions, sha256: string, file: Stats): Sidecar => ({
  contentType: options.contentType,
  ...(options.cacheControl !== undefined && { cacheControl: options.cacheControl }),
  metadata: normaliseMetadata(options.metadata),
  sha256,
  size: file.size,
  ino: file.ino,
});

export const writeSidecar = (path: string, sidecar: Sidecar): Promise<void> =>
  writeFile(path, JSON.stringify(sidecar), 'utf8');

export const readSidecar = async (path: string): Promise<Sidecar | undefined> => {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Sidecar;
  } catch {
    // Missing (a file dropped in by hand) or torn: the bytes are still served, with defaults.
    return undefined;
  }
};

/** The head of the bytes in `file`, trusting the sidecar only when it describes those very bytes. */
export const headOf = (file: Stats, sidecar: Sidecar | undefined): BlobHead => {
  const matches = sidecar !== undefined && sidecar.ino === file.ino && sidecar.size === file.size;
  const base = {
    size: file.size,
    lastModified: new Date(file.mtimeMs), // a Date of this realm, not fs's (jest's instanceof)
    contentType: sidecar?.contentType ?? DEFAULT_CONTENT_TYPE,
    metadata: sidecar?.metadata ?? {},
    ...(sidecar?.cacheControl !== undefined && { cacheControl: sidecar.cacheControl }),
  };
  if (matches) return { ...base, etag: sidecar.sha256.slice(0, 32), sha256: sidecar.sha256 };
  const etag = [file.ino, Math.floor(file.mtimeMs), file.size].map((n) => n.toString(16)).join('-');
  return { ...base, etag };
};
