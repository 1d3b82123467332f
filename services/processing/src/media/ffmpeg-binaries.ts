// Finds ffmpeg and ffprobe: an explicit path (FFMPEG_PATH / FFPROBE_PATH), else the ones on PATH,
// else the binaries shipped inside the npm installer packages. The caller logs the version found.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface MediaBinary {
  path: string;
  version: string;
  origin: 'env' | 'path' | 'npm-package';
}

interface MediaBinaries {
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

const versionOf = (bin: string): string | undefined => {
  try {
    const out = execFileSync(bin, ['-hide_banner', '-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown';
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
    const version = versionOf(bin);
    if (version) return { path: bin, version, origin };
  }
  throw new MediaBinaryMissing(tool);
};

let cached: MediaBinaries | undefined;

/** Locates both binaries once per process, from the environment the entry point hands in. */
export const mediaBinaries = (env: MediaSearchEnv): MediaBinaries =>
  (cached ??= { ffmpeg: locate('ffmpeg', env), ffprobe: locate('ffprobe', env) });
