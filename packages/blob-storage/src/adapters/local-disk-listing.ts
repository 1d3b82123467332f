// Lists a local root the way S3 lists a bucket: every file whose key starts with the prefix (not only
// whole folders), in UTF-8 byte order. Symlinks are skipped: they are not blobs we wrote.
import type { Dirent } from 'node:fs';
import { lstat, readdir, rmdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { BlobSummary } from '../blob-storage';
import type { LocalDiskLayout } from './local-disk-layout';

const entriesOf = async (dir: string): Promise<Dirent[]> => {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
};

async function* walk(dir: string, namePrefix: string): AsyncGenerator<string> {
  for (const entry of await entriesOf(dir)) {
    if (!entry.name.startsWith(namePrefix)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, '');
    else if (entry.isFile()) yield path;
  }
}

/** `prefix` must already be validated (assertBlobPrefix). */
export const listLocal = async (layout: LocalDiskLayout, prefix: string): Promise<BlobSummary[]> => {
  const slash = prefix.lastIndexOf('/');
  const folder = join(
    layout.objectsDir,
    ...prefix
      .slice(0, slash + 1)
      .split('/')
      .filter(Boolean),
  );
  const found: BlobSummary[] = [];
  for await (const path of walk(folder, prefix.slice(slash + 1))) {
    const stats = await lstat(path).catch(() => undefined); // deleted while we walked
    if (stats?.isFile())
      found.push({ key: layout.keyOf(path), size: stats.size, lastModified: new Date(stats.mtimeMs) });
  }
  return found.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
};

/** Removes the now-empty folders between `file` and `base`, so a deleted "a/b" frees the key "a". */
export const pruneEmptyFolders = async (file: string, base: string): Promise<void> => {
  for (let dir = dirname(file); dir.startsWith(base + sep); dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return; // not empty, or gone already: either way the folders above stay
    }
  }
};
