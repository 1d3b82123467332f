// Inputs only the transcoder tests need, beside the shared clips of src/testing/clips: pictures
// with a marked corner (to see a turn in the pixels) and a tone that gets louder (to see it in the
// waveform). Made with the ffmpeg the transcoder uses, cached per machine.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { withExifOrientation } from '../../src/testing/exif-jpeg';

const run = promisify(execFile);

/** Fixed argument runs are written as one string: `words('-c:v libx264')`. */
const words = (text: string): string[] => text.split(' ');

const ffmpeg = async (args: string[]): Promise<void> => {
  await run(mediaBinaries(process.env).ffmpeg.path, [...words('-hide_banner -loglevel error -y'), ...args], {
    timeout: 60_000,
  });
};

/** An M4A with a tone whose loudness doubles halfway, so the waveform has a shape to check. */
export const makeAudioClip = async (file: string, seconds: number): Promise<string> => {
  await ffmpeg([
    ...['-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=44100:duration=${seconds}`],
    ...['-af', `volume='if(lt(t,${seconds / 2}),0.25,0.5)':eval=frame`],
    ...words('-c:a aac -b:a 96k'),
    file,
  ]);
  return file;
};

/** A still whose top-left quadrant is red on blue, so a turn can be seen in the pixels. */
export const makeMarkedImage = async (file: string, width: number, height: number): Promise<string> => {
  await ffmpeg([
    ...['-f', 'lavfi', '-i', `color=c=blue:size=${width}x${height}:duration=1`],
    ...['-vf', `drawbox=x=0:y=0:w=${width / 2}:h=${height / 2}:color=red:t=fill`],
    ...words('-frames:v 1'),
    ...(file.endsWith('.jpg') ? words('-q:v 2') : []),
    file,
  ]);
  return file;
};

/**
 * A red-top-left-on-blue video tagged to be shown turned 90° clockwise (ffprobe: rotate 90, display
 * matrix -90). Two ffmpeg quirks, alike in 4.1 and 5.1: `-metadata:s:v rotate` is dropped when
 * encoding, so it is set on a stream copy; and the muxer reads it the other way round, so 270 gives 90.
 */
export const makeRotatedMarkedClip = async (file: string, width: number, height: number): Promise<string> => {
  const plain = `${file}.plain.mp4`;
  await ffmpeg([
    ...['-f', 'lavfi', '-i', `color=c=blue:size=${width}x${height}:duration=1`],
    ...['-vf', `drawbox=x=0:y=0:w=${width / 2}:h=${height / 2}:color=red:t=fill`],
    ...words('-c:v libx264 -preset ultrafast -pix_fmt yuv420p'),
    plain,
  ]);
  await ffmpeg(['-i', plain, ...words('-c copy -metadata:s:v:0 rotate=270'), file]);
  await fs.rm(plain);
  return file;
};

export const makeExifRotatedJpeg = async (
  file: string,
  width: number,
  height: number,
  orientation: number,
): Promise<string> => {
  const plain = await makeMarkedImage(`${file}.plain.jpg`, width, height);
  await fs.writeFile(file, withExifOrientation(await fs.readFile(plain), orientation));
  await fs.rm(plain);
  return file;
};

export const tempDir = (name: string): Promise<string> =>
  fs.mkdtemp(path.join(os.tmpdir(), `mediaflow-${name}-`));

// A new ffmpeg build or an edit of these recipes makes fresh files.
let key: string | undefined;
const cacheKey = (): string =>
  (key ??= createHash('sha256')
    .update(`${mediaBinaries(process.env).ffmpeg.version}\n${readFileSync(__filename, 'utf8')}`)
    .digest('hex')
    .slice(0, 12));

const exists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/**
 * Generated once per machine and reused by later runs and other suites: written under a temporary
 * name and renamed, so two jest workers making the same clip never see half a file.
 */
export const cachedClip = async (name: string, make: (file: string) => Promise<string>): Promise<string> => {
  const dir = path.join(os.tmpdir(), `mediaflow-transcode-clips-${cacheKey()}`);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  if (await exists(file)) return file;
  const partial = path.join(dir, `.${process.pid}-${name}`);
  await make(partial);
  await fs.rename(partial, file);
  return file;
};
