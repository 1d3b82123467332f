// Looks at transcoder outputs the way a player would: ffprobe for streams and keyframes, the MP4
// box order for faststart, decoded pixels for orientation.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  channels?: number;
}

export const probeStreams = async (
  file: string,
): Promise<{ streams: ProbedStream[]; durationSeconds: number }> => {
  const { stdout } = await run(mediaBinaries(process.env).ffprobe.path, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    '-show_format',
    file,
  ]);
  const json = JSON.parse(stdout) as { streams: ProbedStream[]; format: { duration?: string } };
  return { streams: json.streams, durationSeconds: Number(json.format.duration ?? 0) };
};

export const videoSize = async (file: string): Promise<{ width: number; height: number }> => {
  const video = (await probeStreams(file)).streams.find((s) => s.codec_type === 'video');
  if (!video?.width || !video.height) throw new Error(`no video stream in ${file}`);
  return { width: video.width, height: video.height };
};

/** Presentation times (s) of the keyframes of a fragmented stream: init + segments joined, as a player reads them. */
export const keyframeTimes = async (
  initFile: string,
  segmentFiles: string[],
  scratchFile: string,
): Promise<number[]> => {
  const parts = await Promise.all([initFile, ...segmentFiles].map((f) => fs.readFile(f)));
  await fs.writeFile(scratchFile, Buffer.concat(parts));
  const { stdout } = await run(mediaBinaries(process.env).ffprobe.path, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time,flags',
    '-of',
    'csv=p=0',
    scratchFile,
  ]);
  return stdout
    .split('\n')
    .filter((line) => line.includes('K'))
    .map((line) => Number(line.split(',')[0]))
    .sort((a, b) => a - b);
};

/** Types of the top-level boxes of an ISO BMFF file, in order: faststart puts moov before mdat. */
export const topLevelBoxes = async (file: string): Promise<string[]> => {
  const bytes = await fs.readFile(file);
  const boxes: string[] = [];
  let at = 0;
  while (at + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(at);
    boxes.push(bytes.toString('latin1', at + 4, at + 8));
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    if (size === 0) break;
    at += size;
  }
  return boxes;
};

/** RGB of the picture shrunk to 2x2 (in RGB: 4:2:0 at 2x2 would share one chroma sample): [top-left, top-right, bottom-left, bottom-right]. */
export const quadrantColours = async (file: string): Promise<[number, number, number][]> => {
  const { stdout } = await run(
    mediaBinaries(process.env).ffmpeg.path,
    [
      '-v',
      'error',
      '-noautorotate',
      '-i',
      file,
      '-vf',
      'format=rgb24,scale=2:2:flags=area',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { encoding: 'buffer' },
  );
  const px = stdout as unknown as Buffer;
  return [0, 1, 2, 3].map((i) => [px[i * 3] ?? 0, px[i * 3 + 1] ?? 0, px[i * 3 + 2] ?? 0]);
};

export const isRed = ([r, g, b]: [number, number, number]): boolean => r > 150 && g < 100 && b < 100;
