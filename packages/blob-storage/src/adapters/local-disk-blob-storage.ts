// BlobStorage on a local folder, for embedded mode. Writes land in tmp/ and are renamed into place,
// so a reader (or a crashed runner's rerun) sees the old bytes or the new ones, never half a file.
import { createReadStream } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { assertBlobPrefix, assertByteRange, assertPresignExpiry } from '../blob-key';
import type {
  BlobBody,
  BlobHead,
  BlobStorage,
  BlobSummary,
  ByteRange,
  PutOptions,
  PutResult,
} from '../blob-storage';
import { writeHashed } from '../checksum';
import { BlobNotFound, InvalidBlobKey, InvalidBlobRange } from '../errors';
import { LocalDiskLayout } from './local-disk-layout';
import { listLocal, pruneEmptyFolders } from './local-disk-listing';
import { headOf, readSidecar, sidecarFor, writeSidecar } from './local-disk-sidecar';

/** Makes a URL that serves `key` until it expires (the embedded HTTP server's signed blob route). */
type LocalUrlSigner = (key: string, expiresInSeconds: number) => string | Promise<string>;

interface LocalDiskBlobStorageOptions {
  /** Folder holding objects/, meta/ and tmp/; created when missing. */
  root: string;
  /** Without one, presignGet answers a file:// URL (fine for ffmpeg on this machine, not for browsers). */
  urlSigner?: LocalUrlSigner;
}

/** What a multipart store needs to build an object in place: a file beside the objects, adopted by rename. */
export interface LocalStaging {
  /** The path of staging file `name` ([a-z0-9-], 1–100 characters), on the same filesystem as the objects. */
  stagingPath(name: string): Promise<string>;
  /**
   * Moves the finished file `path` (a stagingPath) into `key`: a rename, no copy, so the object appears
   * whole or not at all. `sha256` is the caller's digest of exactly those bytes (it is recorded, not checked).
   */
  adoptFile(key: string, path: string, options: PutOptions, sha256: string): Promise<PutResult>;
}

const STAGING_NAME = /^[a-z0-9-]{1,100}$/;

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;
const MISSING = ['ENOENT', 'ENOTDIR'];

export class LocalDiskBlobStorage implements BlobStorage, LocalStaging {
  private readonly layout: LocalDiskLayout;

  constructor(private readonly options: LocalDiskBlobStorageOptions) {
    this.layout = new LocalDiskLayout(options.root);
  }

  put(key: string, body: BlobBody, options: PutOptions): Promise<PutResult> {
    return this.store(key, () => body, options);
  }

  putFile(key: string, localPath: string, options: PutOptions): Promise<PutResult> {
    // Opened only once the key is known good: an unread stream's open error would be unhandled.
    return this.store(key, () => createReadStream(localPath), options);
  }

  async stagingPath(name: string): Promise<string> {
    if (!STAGING_NAME.test(name)) throw new Error(`staging file names are [a-z0-9-]{1,100}, not "${name}"`);
    await this.layout.ready();
    return join(this.layout.stagingDir, name);
  }

  async adoptFile(key: string, path: string, options: PutOptions, sha256: string): Promise<PutResult> {
    const target = this.layout.objectPath(key);
    const metaPath = this.layout.metaPath(key);
    if (dirname(path) !== this.layout.stagingDir) throw new Error(`adoptFile takes a stagingPath, not ${path}`);
    const metaTmp = `${this.layout.tmpPath()}.json`;
    try {
      const file = await stat(path);
      await writeSidecar(metaTmp, sidecarFor(options, sha256, file));
      await this.commit(key, path, target);
      await this.commit(key, metaTmp, metaPath);
      return { key, size: file.size, sha256, etag: sha256.slice(0, 32) };
    } finally {
      await rm(metaTmp, { force: true });
    }
  }

  /**
   * Removes writes abandoned in tmp/ (a process killed mid-PUT or mid-upload of an output leaves its
   * `.part` file there): files last written before `olderThan`, at most `limit` of them. A write in
   * progress touches its file with every chunk, so it is never older than its last byte.
   */
  async removeAbandonedWrites(olderThan: Date, limit: number): Promise<number> {
    await this.layout.ready();
    let removed = 0;
    for (const name of await readdir(this.layout.tmpDir)) {
      if (removed >= limit) break;
      const path = join(this.layout.tmpDir, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || info.mtime >= olderThan) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  async getStream(key: string, range?: ByteRange): Promise<Readable> {
    if (range) assertByteRange(key, range);
    const path = await this.existingObjectPath(key);
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw MISSING.includes(errno(error) ?? '') ? new BlobNotFound(key, { cause: error }) : error;
    });
    try {
      const file = await handle.stat();
      if (!file.isFile()) throw new BlobNotFound(key);
      if (range && range.start >= file.size) throw new InvalidBlobRange(key, range);
      // The open handle keeps these bytes readable even if a put renames new ones over the path.
      return handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<BlobHead | null> {
    try {
      const path = await this.existingObjectPath(key);
      const file = await stat(path);
      if (!file.isFile()) return null;
      return headOf(file, await readSidecar(this.layout.metaPath(key)));
    } catch (error) {
      if (error instanceof BlobNotFound || MISSING.includes(errno(error) ?? '')) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.layout.objectPath(key);
    const metaPath = this.layout.metaPath(key);
    try {
      // rm would follow a symlinked folder out of the root; checking the folder prevents that.
      await this.layout.assertRealPathInside(key, dirname(path));
    } catch (error) {
      if (MISSING.includes(errno(error) ?? '')) return;
      throw error;
    }
    await rm(path, { force: true });
    await rm(metaPath, { force: true });
    await pruneEmptyFolders(path, this.layout.objectsDir);
    await pruneEmptyFolders(metaPath, this.layout.metaDir);
  }

  async deletePrefix(prefix: string): Promise<number> {
    const found = await this.list(prefix);
    for (const { key } of found) await this.delete(key);
    return found.length;
  }

  async list(prefix: string): Promise<BlobSummary[]> {
    assertBlobPrefix(prefix);
    await this.layout.ready();
    return listLocal(this.layout, prefix);
  }

  async presignGet(key: string, expiresInSeconds: number): Promise<string> {
    const path = this.layout.objectPath(key);
    assertPresignExpiry(expiresInSeconds);
    if (this.options.urlSigner) return this.options.urlSigner(key, expiresInSeconds);
    return pathToFileURL(path).href;
  }

  uri(key: string): string {
    return pathToFileURL(this.layout.objectPath(key)).href;
  }

  private async existingObjectPath(key: string): Promise<string> {
    const path = this.layout.objectPath(key);
    try {
      await this.layout.assertRealPathInside(key, path);
    } catch (error) {
      if (MISSING.includes(errno(error) ?? '')) throw new BlobNotFound(key, { cause: error });
      throw error;
    }
    return path;
  }

  private async store(key: string, body: () => BlobBody, options: PutOptions): Promise<PutResult> {
    const path = this.layout.objectPath(key);
    const metaPath = this.layout.metaPath(key);
    await this.layout.ready();
    const tmp = this.layout.tmpPath();
    const metaTmp = `${tmp}.json`;
    try {
      const { size, sha256 } = await writeHashed(body(), tmp);
      await writeSidecar(metaTmp, sidecarFor(options, sha256, await stat(tmp)));
      await this.commit(key, tmp, path);
      await this.commit(key, metaTmp, metaPath);
      return { key, size, sha256, etag: sha256.slice(0, 32) };
    } finally {
      await Promise.all([rm(tmp, { force: true }), rm(metaTmp, { force: true })]);
    }
  }

  /** Renames a finished temp file into place; retries when a concurrent delete pruned the folder. */
  private async commit(key: string, tmp: string, target: string, attempt = 1): Promise<void> {
    try {
      await this.layout.prepareParent(key, target);
      await rename(tmp, target);
    } catch (error) {
      const code = errno(error);
      if (code === 'ENOENT' && attempt < 3) return this.commit(key, tmp, target, attempt + 1);
      if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
        throw new InvalidBlobKey(key, 'clashes with another key on disk ("a" and "a/b" cannot both exist)', {
          cause: error,
        });
      }
      throw error;
    }
  }
}
