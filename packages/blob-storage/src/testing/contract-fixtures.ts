// Small helpers of the BlobStorage contract suite: test bytes, temp files, reading streams back.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export const MiB = 1024 * 1024;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

/** Hashes a stream without holding it, for the multi-MiB round trip. */
export const sha256OfStream = async (stream: Readable): Promise<{ size: number; sha256: string }> => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Uint8Array);
    size += (chunk as Uint8Array).length;
  }
  return { size, sha256: hash.digest('hex') };
};

/** A unique folder of keys per suite run, so suites sharing a bucket or emulator never collide. */
export const uniqueNamespace = (): string => `contract-${randomUUID().slice(0, 8)}`;

export interface ScratchDir {
  path: string;
  file(name: string, bytes: Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export const scratchDir = async (): Promise<ScratchDir> => {
  const path = await mkdtemp(join(tmpdir(), 'blob-contract-'));
  return {
    path,
    file: async (name, bytes) => {
      const file = join(path, name);
      await writeFile(file, bytes);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
};

export const randomBuffer = (size: number): Buffer => randomBytes(size);

/** Runs `task` over `items`, `width` at a time (emulators dislike hundreds of parallel requests). */
export const inBatches = async <T>(
  items: T[],
  width: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> => {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(task));
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Keys every adapter refuses: each could escape a root, alias another key, or break S3's limits. */
export const BAD_KEYS: Array<[string, string]> = [
  ['a parent segment', '../x'],
  ['a parent segment inside', 'a/../../x'],
  ['a leading slash', '/abs'],
  ['a NUL', 'a\u0000b'],
  ['a newline', 'a\nb'],
  ['nothing', ''],
  ['an empty segment', 'a//b'],
  ['a trailing slash', 'a/'],
  ['1025 bytes', 'k'.repeat(1025)],
  ['1026 UTF-8 bytes in 513 characters', 'é'.repeat(513)],
];

/** The URL with its last query parameter's value (the signature, in SigV4 and HMAC schemes) altered. */
export const forgeSignature = (url: string): string => {
  const parsed = new URL(url);
  const last = [...parsed.searchParams.keys()].pop();
  if (last) parsed.searchParams.set(last, `forged${parsed.searchParams.get(last) ?? ''}`.slice(0, 64));
  return parsed.toString();
};

export const expectRejection = async (
  promise: Promise<unknown>,
  guard: (e: unknown) => boolean,
): Promise<void> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(guard(error)).toBe(true);
};
