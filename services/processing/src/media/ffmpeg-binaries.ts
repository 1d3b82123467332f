// Finds ffmpeg and ffprobe: an explicit path (FFMPEG_PATH / FFPROBE_PATH), else the ones on PATH,
// else the binaries shipped inside the npm installer packages. The caller logs the version found.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface MediaBinary {
  path: string;
  version: string;
  /** The last year of its copyright line: the static builds' versions (N-47683-g…) carry no date. */
  year?: number;
  origin: 'env' | 'path' | 'npm-package';
}

export interface MediaBinaries {
  ffmpeg: MediaBinary;
  ffprobe: MediaBinary;
}

class MediaBinaryMissing extends Error {
  readonly code = 'MEDIA_BINARY_MISSING';
  override readonly name = 'MediaBinaryMissing';
  constructor(tool: string) {
    super(`${tool} not found: set ${tool.toUpperCase()}_PATH, put ${tool} on PATH, or install the npm package @${tool}-installer/${tool}`);
  }
}

const versionOf = (bin: string): Pick<MediaBinary, 'version' | 'year'> | undefined => {
  try {
    const out = execFileSync(bin, ['-hide_banner', '-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 });
    const year = /Copyright \(c\) (?:\d{4}-)?(\d{4})/.exec(out)?.[1];
    return { version: /version (\S+)/.exec(out)?.[1] ?? 'unknown', ...(year ? { year: Number(year) } : {}) };
  } catch {
    return undefined;
  }
};

/** The variables the search reads: PATH, FFMPEG_PATH, FFPROBE_PATH (the environment of the process). */
type MediaSearchEnv = Readonly<Record<string, string | undefined>>;

const onPath = (tool: string, searchPath: string): string | undefined => {
  for (const dir of searchPath.split(path.delimiter)) {
    const candidate = path.join(dir, tool);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
};

const fromNpmPackage = (tool: 'ffmpeg' | 'ffprobe'): string | undefined => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`@${tool}-installer/${tool}`) as { path: string }).path;
  } catch {
    return undefined;
  }
};

const locate = (tool: 'ffmpeg' | 'ffprobe', env: MediaSearchEnv): MediaBinary => {
  const candidates: [string | undefined, MediaBinary['origin']][] = [
    [env[`${tool.toUpperCase()}_PATH`], 'env'],
    [onPath(tool, env.PATH ?? ''), 'path'],
    [fromNpmPackage(tool), 'npm-package'],
  ];
  for (const [bin, origin] of candidates) {
    if (!bin) continue;
    const found = versionOf(bin);
    if (found) return { path: bin, ...found, origin };
  }
  throw new MediaBinaryMissing(tool);
};

/** Locates both binaries now, without keeping the answer. */
export const locateMediaBinaries = (env: MediaSearchEnv): MediaBinaries => ({ ffmpeg: locate('ffmpeg', env), ffprobe: locate('ffprobe', env) });

let cached: MediaBinaries | undefined;

/** Locates both binaries once per process, from the environment the entry point hands in. */
export const mediaBinaries = (env: MediaSearchEnv): MediaBinaries => (cached ??= locateMediaBinaries(env));

/** mediaBinaries(), or the error saying neither is anywhere, for a caller that reports rather than fails. */
export const mediaBinariesOrError = (env: MediaSearchEnv): MediaBinaries | Error => {
  try {
    return mediaBinaries(env);
  } catch (error) {
    return error as Error;
  }
};
