// Which files in the embedded outputs storage no finished job accounts for: for each job, the files
// its stored manifest.json lists, the manifest itself, and what its playlists (segments, init
// segments) and WebVTT tracks (sprite sheets) refer to; anything else under the job's prefix, a
// sidecar without its object, or a half-written file left in tmp/ is stray.
import fs from 'node:fs';
import path from 'node:path';
import { embeddedPaths } from '@mediaflow/runtime/paths';

const filesUnder = (dir: string, base = dir): string[] => {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
};

/** Keys a playlist or a WebVTT file refers to, resolved against its own key. */
const referencesOf = (key: string, text: string): string[] => {
  const folder = path.posix.dirname(key);
  const refs: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (key.endsWith('.m3u8')) {
      const uri = /URI="([^"]+)"/.exec(line)?.[1];
      if (uri) refs.push(uri);
      else if (line && !line.startsWith('#')) refs.push(line);
    } else if (key.endsWith('.vtt') && /\.(jpe?g|png|webp)(#|$)/.test(line)) {
      refs.push(line.split('#')[0]!);
    }
  }
  return refs.filter((r) => !/^[a-z]+:/i.test(r)).map((r) => path.posix.normalize(path.posix.join(folder, r)));
};

/** Every key the job at `prefix` should hold, from its manifest.json (missing manifest: nothing). */
export const expectedKeys = (outputsObjects: string, prefix: string): Set<string> => {
  const manifestKey = `${prefix}/manifest.json`;
  const manifestFile = path.join(outputsObjects, manifestKey);
  if (!fs.existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { outputs: { key: string }[] };
  const expected = new Set([manifestKey]);
  const pending = manifest.outputs.map((o) => o.key);
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (expected.has(key)) continue;
    expected.add(key);
    const file = path.join(outputsObjects, key);
    if (/\.(m3u8|vtt)$/.test(key) && fs.existsSync(file)) pending.push(...referencesOf(key, fs.readFileSync(file, 'utf8')));
  }
  return expected;
};

export interface OutputsAudit {
  /** Files present that nothing accounts for (objects, sidecars, tmp files), as paths under the outputs root. */
  readonly stray: string[];
  /** Keys a manifest or playlist refers to that are not there. */
  readonly missing: string[];
}

/** Audits the embedded outputs storage of `dataDir` against the jobs whose outputs live under `prefixes`. */
export const auditOutputs = (dataDir: string, prefixes: readonly string[]): OutputsAudit => {
  const root = embeddedPaths(dataDir).blobs('outputs');
  const objects = path.join(root, 'objects');
  const expected = new Set(prefixes.flatMap((p) => [...expectedKeys(objects, p)]));
  const present = filesUnder(objects);
  const stray = present.filter((k) => !expected.has(k)).map((k) => `objects/${k}`);
  const missing = [...expected].filter((k) => !present.includes(k));
  const sidecars = filesUnder(path.join(root, 'meta')).filter((m) => !present.includes(m.replace(/\.json$/, '')));
  const tmp = filesUnder(path.join(root, 'tmp'));
  return { stray: [...stray, ...sidecars.map((m) => `meta/${m}`), ...tmp.map((t) => `tmp/${t}`)], missing };
};
