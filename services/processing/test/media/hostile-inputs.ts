// Inputs made to cross one runner bound each, generated with the ffmpeg the transcoder uses (lavfi):
// a stream of huge frames (memory) and a long still-image video whose outputs inflate (CPU for its
// duration, output files and bytes). Small on disk, cached per machine.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';

const run = promisify(execFile);

const RECIPES = {
  /** 15000x15000 frames (322 MiB each decoded; near the largest ffmpeg allows), 1 MB on disk: MJPEG of flat grey. */
  'huge-frames.mkv': ['-f', 'lavfi', '-i', 'color=c=gray:size=15000x15000:rate=1', '-t', '2', '-c:v', 'mjpeg', '-q:v', '31'],
  /** Ten minutes of one flat 720p picture at 1 fps: 2 MB that decode to 600 frames and 1,800 segments. */
  'long-still.mp4': [
    ...['-f', 'lavfi', '-i', 'color=c=gray:size=1280x720:rate=1', '-t', '600'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p'],
  ],
} as const;

export type HostileInput = keyof typeof RECIPES;

const cacheDir = (): string => path.join(os.tmpdir(), 'mediaflow-hostile-inputs-v2');

/** The path of the input, generated on first use. */
export const hostileInput = async (name: HostileInput): Promise<string> => {
  const file = path.join(cacheDir(), name);
  if (await fs.stat(file).then((s) => s.size > 0, () => false)) return file;
  await fs.mkdir(cacheDir(), { recursive: true });
  const partial = `${file}.${process.pid}.partial${path.extname(name)}`;
  await run(mediaBinaries(process.env).ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', ...RECIPES[name], partial], {
    timeout: 120_000,
  });
  await fs.rename(partial, file);
  return file;
};
