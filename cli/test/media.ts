// Test media, made by ffmpeg's lavfi sources through processing's clip fixtures: its cached small
// clips, plus two that only the CLI tests need (a WAV big enough for two upload parts, and a video
// long enough to still be transcoding when it is cancelled), cached beside them the same way.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { clipTools, clipCacheDir, generateClip } from '@mediaflow/processing/testing';

export interface TestMedia {
  /** 640x360 H.264, 2 s, ~100 KB: one PUT. */
  small: string;
  /** A text file named .mp4: uploads, then the job is rejected. */
  notMedia: string;
  /** 32 s of 48 kHz stereo PCM, ~5.9 MB: two 5 MiB parts. */
  bigWav: string;
  /** 640x360 H.264, 120 s of flat grey: quick to make, ~5 s for the runner, so a cancel finds it running. */
  longVideo: string;
}

const RECIPES = {
  'cli-tone-32s.wav': ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=32', '-ac', '2', '-c:a', 'pcm_s16le'],
  'cli-grey-120s.mp4': [
    ...['-f', 'lavfi', '-i', 'color=c=gray:size=640x360:rate=25:duration=120'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
  ],
} as const;

/** The file made by the recipe, from the cache when there; written under a temporary name, then renamed. */
const make = async (name: keyof typeof RECIPES): Promise<string> => {
  const dir = clipCacheDir();
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const partial = path.join(dir, `.partial-${randomUUID()}${path.extname(name)}`);
  try {
    await clipTools().ffmpeg([...RECIPES[name], partial]);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return file;
};

export const makeTestMedia = async (): Promise<TestMedia> => ({
  small: (await generateClip('no-audio')).path,
  notMedia: (await generateClip('text-as-mp4')).path,
  bigWav: await make('cli-tone-32s.wav'),
  longVideo: await make('cli-grey-120s.mp4'),
});
