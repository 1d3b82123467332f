// The ladder bench's source: a 1080p30 H.264 + AAC clip made from lavfi testsrc2 + a sine tone by
// the ffmpeg under test, cached in the temp dir under a name carrying the recipe and ffmpeg version.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

interface SourceClipSpec {
  readonly seconds: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
}

const recipe = ({ seconds, width, height, fps }: SourceClipSpec, out: string): string[] => [
  ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
  ...['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
  ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
  // What a phone or an editor uploads: high-profile H.264 at a fair quality, keyframe every 2 s.
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-g', String(2 * fps)],
  ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-shortest', '-movflags', '+faststart', out],
];

/** The clip's path, generated on first use (atomically: a rename after ffmpeg succeeded). */
export const sourceClip = async (
  ffmpeg: { path: string; version: string },
  spec: SourceClipSpec,
): Promise<string> => {
  const dir = path.join(os.tmpdir(), 'mediaflow-bench');
  const key = createHash('sha256')
    .update(`${ffmpeg.path}\n${ffmpeg.version}\n${recipe(spec, 'out').join(' ')}`)
    .digest('hex')
    .slice(0, 12);
  const file = path.join(dir, `ladder-${spec.height}p${spec.fps}-${spec.seconds}s-${key}.mp4`);
  if (
    await fs.stat(file).then(
      () => true,
      () => false,
    )
  )
    return file;
  await fs.mkdir(dir, { recursive: true });
  const partial = `${file}.partial-${process.pid}.mp4`;
  try {
    await promisify(execFile)(ffmpeg.path, recipe(spec, partial));
    await fs.rename(partial, file);
  } finally {
    await fs.rm(partial, { force: true });
  }
  return file;
};
