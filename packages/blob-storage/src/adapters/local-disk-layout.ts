// Where the local-disk adapter keeps things under its root, and the guard that every path stays there:
//   objects/<key>      the bytes, servable as they are (ffmpeg can read them directly)
//   meta/<key>.json    content type, metadata and SHA-256 (a sidecar: no xattrs needed)
//   tmp/               half-written files; same filesystem as objects/, so rename is atomic
//   staging/<name>     files built in place over many requests (multipart uploads), adopted by rename
import { randomUUID } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertBlobKey } from '../blob-key';
import { InvalidBlobKey } from '../errors';

export class LocalDiskLayout {
  readonly root: string;
  readonly objectsDir: string;
  readonly metaDir: string;
  readonly tmpDir: string;
  readonly stagingDir: string;
  private realRoot?: Promise<string>;

  constructor(root: string) {
    this.root = resolve(root);
    this.objectsDir = join(this.root, 'objects');
    this.metaDir = join(this.root, 'meta');
    this.tmpDir = join(this.root, 'tmp');
    this.stagingDir = join(this.root, 'staging');
  }

  /** Creates the three folders once; resolves the real root for the symlink checks. */
  ready(): Promise<string> {
    this.realRoot ??= (async () => {
      await Promise.all(
        [this.objectsDir, this.metaDir, this.tmpDir, this.stagingDir].map((d) => mkdir(d, { recursive: true })),
      );
      return realpath(this.root);
    })();
    return this.realRoot;
  }

  /** The file of `key`, after validating the key and checking the resolved path stays inside. */
  objectPath(key: string): string {
    assertBlobKey(key);
    return this.inside(this.objectsDir, key, '');
  }

  metaPath(key: string): string {
    assertBlobKey(key);
    return this.inside(this.metaDir, key, '.json');
  }

  tmpPath(): string {
    return join(this.tmpDir, `${randomUUID()}.part`);
  }

  /** The key of a file under objects/ (inverse of objectPath). */
  keyOf(objectFile: string): string {
    return objectFile
      .slice(this.objectsDir.length + 1)
      .split(sep)
      .join('/');
  }

  /**
   * Refuses a path whose real location (symlinks followed) is outside the root: a symlink planted
   * inside the root must not let a key read or overwrite files elsewhere. `path` must exist.
   */
  async assertRealPathInside(key: string, path: string): Promise<void> {
    const realRoot = await this.ready();
    // Objects must stay in objects/ and sidecars in meta/, not merely somewhere under the root.
    const base = join(realRoot, path.startsWith(this.metaDir) ? 'meta' : 'objects');
    const real = await realpath(path);
    if (real !== base && !real.startsWith(base + sep)) {
      throw new InvalidBlobKey(key, 'resolves outside the storage root (symlink)');
    }
  }

  /** mkdir -p of the file's folder, checked before (mkdir follows symlinks) and after (a racing swap). */
  async prepareParent(key: string, path: string): Promise<void> {
    const parent = dirname(path);
    await this.assertRealPathInside(key, await nearestExisting(parent));
    await mkdir(parent, { recursive: true });
    await this.assertRealPathInside(key, parent);
  }

  private inside(base: string, key: string, suffix: string): string {
    // Keys are already free of "..", but the check after resolve is what actually guarantees it.
    const path = resolve(base, ...key.split('/')) + suffix;
    if (!path.startsWith(base + sep)) throw new InvalidBlobKey(key, 'resolves outside the storage root');
    return path;
  }
}

const nearestExisting = async (path: string): Promise<string> => {
  for (let current = path; ; current = dirname(current)) {
    try {
      await realpath(current);
      return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(current) === current) throw error;
    }
  }
};
