// The built web UI (web/dist) as the objects to upload: key, content type, Cache-Control and MD5 of
// each file. Hashed bundles under assets/ are cached for a year; everything else (index.html, the
// docs page) is revalidated on every load, so a deploy shows at once without an invalidation.
// config.json is left out: the stack writes its own, pointing at this environment's API.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentTypeOf } from './content-types';

interface WebFile {
  /** Object key, and the path under dist (forward slashes). */
  readonly key: string;
  readonly contentType: string;
  readonly cacheControl: string;
  /** Hex MD5 of the bytes: the ETag S3 gives a single-part SSE-S3 object, so a changed file is a changed plan. */
  readonly md5: string;
}

export const WEB_CONFIG_KEY = 'config.json';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';
const BUILD_COMMAND = 'npm run build -w @mediaflow/web';

export class WebDistMissing extends Error {
  readonly code = 'WEB_DIST_MISSING';
  override readonly name = 'WebDistMissing';
  constructor(readonly distDir: string) {
    super(`the web UI is not built: ${path.join(distDir, 'index.html')} is missing. Run \`${BUILD_COMMAND}\` first (or point MEDIAFLOW_WEB_DIST at a built UI)`);
  }
}

const isHashedAsset = (key: string): boolean => key.startsWith('assets/');

// Dot files are build bookkeeping (.build-stamp), never part of the site.
const listFiles = (dir: string, prefix = ''): string[] =>
  fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listFiles(dir, relative);
      return entry.isFile() ? [relative] : [];
    });

/** Every file of the built UI but config.json, sorted by key; throws WebDistMissing without an index.html. */
export const readWebDist = (distDir: string): WebFile[] => {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new WebDistMissing(distDir);
  return listFiles(distDir)
    .filter((key) => key !== WEB_CONFIG_KEY)
    .sort()
    .map((key) => ({
      key,
      contentType: contentTypeOf(key),
      cacheControl: isHashedAsset(key) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
      md5: createHash('md5').update(fs.readFileSync(path.join(distDir, key))).digest('hex'),
    }));
};

/** One hash of every key and MD5: the asset's folder name, so a new build is a new folder. */
export const distHash = (files: readonly WebFile[]): string =>
  createHash('sha256').update(files.map((f) => `${f.key} ${f.md5}`).join('\n')).digest('hex').slice(0, 32);
