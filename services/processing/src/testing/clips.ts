// Test clips made on demand by the ffmpeg this machine has, cached on disk so suites (and runs)
// share them. A cached file's name carries a hash of its recipe source and of the ffmpeg build, so
// changing either makes a fresh clip; files appear by rename, never half-written. Treat clips as
// read-only: copy one before changing it.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mediaBinaries } from '../media/ffmpeg-binaries';
import { CLIP_RECIPES } from './clip-recipes';
import type { ClipKind, ClipSpec } from './clip-spec';
import { clipTools } from './clip-tools';

export type { AudioSpec, ClipKind, ClipSpec, VideoSpec } from './clip-spec';

export interface Clip {
  kind: ClipKind;
  /** Absolute path of the cached file. */
  path: string;
  sizeBytes: number;
  spec: ClipSpec;
}

export const CLIP_KINDS = Object.keys(CLIP_RECIPES) as ClipKind[];

/** Where clips are cached: MEDIAFLOW_CLIPS_DIR, else <tmp>/mediaflow-clips. */
export const clipCacheDir = (): string =>
  process.env.MEDIAFLOW_CLIPS_DIR ?? path.join(os.tmpdir(), 'mediaflow-clips');

let recipesDigest: string | undefined;

// The recipes' own source is part of the key: editing a recipe regenerates its clip.
const recipeKey = (kind: ClipKind): string => {
  recipesDigest ??= ['clip-recipes.ts', 'clip-makers.ts', 'clip-spec.ts', 'exif-jpeg.ts']
    .map((file) => readFileSync(path.join(__dirname, file), 'utf8'))
    .join('\n');
  const { ffmpeg } = mediaBinaries(process.env);
  return createHash('sha256')
    .update(`${kind}\n${ffmpeg.path}\n${ffmpeg.version}\n${recipesDigest}`)
    .digest('hex')
    .slice(0, 12);
};

const sizeOf = (file: string): Promise<number | undefined> =>
  stat(file).then(
    (s) => s.size,
    () => undefined,
  );

const make = async (kind: ClipKind, dir: string): Promise<Clip> => {
  const recipe = CLIP_RECIPES[kind];
  const file = path.join(dir, `${kind}-${recipeKey(kind)}${recipe.spec.ext}`);
  const cached = await sizeOf(file);
  if (cached !== undefined) return { kind, path: file, sizeBytes: cached, spec: recipe.spec };

  await mkdir(dir, { recursive: true });
  const partials: string[] = [];
  const scratch = (ext: string): string => {
    const partial = path.join(dir, `.partial-${process.pid}-${randomUUID()}${ext}`);
    partials.push(partial);
    return partial;
  };
  const out = scratch(recipe.spec.ext);
  try {
    await recipe.make(out, clipTools(), scratch);
    await rename(out, file); // atomic: a parallel suite sees the whole clip or none
  } finally {
    await Promise.all(partials.map((partial) => rm(partial, { force: true })));
  }
  return { kind, path: file, sizeBytes: (await sizeOf(file)) ?? 0, spec: recipe.spec };
};

const inFlight = new Map<string, Promise<Clip>>();

/** The clip of that kind, made now or taken from the cache in `dir` (default clipCacheDir()). */
export const generateClip = (kind: ClipKind, dir: string = clipCacheDir()): Promise<Clip> => {
  const key = `${dir}\0${kind}`;
  let clip = inFlight.get(key);
  if (!clip) {
    clip = make(kind, dir);
    inFlight.set(key, clip);
    clip.catch(() => inFlight.delete(key)); // let a later call try again
  }
  return clip;
};

/** Several clips, made one after the other (ffmpeg already uses every core). */
export const generateClips = async <K extends ClipKind>(
  kinds: readonly K[],
  dir?: string,
): Promise<Record<K, Clip>> => {
  const clips = {} as Record<K, Clip>;
  for (const kind of kinds) clips[kind] = await generateClip(kind, dir);
  return clips;
};
