// The two commands clip recipes need: run ffmpeg, and read ffprobe's JSON about a file (recipes that
// depend on how a build behaves check their result with it).
import { execFile } from 'node:child_process';
import { mediaBinaries } from '../media/ffmpeg-binaries';

const COMMAND_TIMEOUT_MS = 60_000;

const run = (binary: string, args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${binary} ${args.join(' ')} failed: ${String(stderr).trim() || error.message}`));
        else resolve(String(stdout));
      },
    );
  });

export interface ClipTools {
  /** ffmpeg with -hide_banner -v error -y -nostdin in front of `args`. */
  ffmpeg(args: readonly string[]): Promise<void>;
  /** ffprobe -show_format -show_streams of a file, parsed. */
  ffprobeJson(path: string): Promise<FfprobeSummary>;
}

/** The few ffprobe fields recipes look at. */
interface FfprobeSummary {
  streams?: {
    codec_type?: string;
    width?: number;
    height?: number;
    tags?: Record<string, string>;
    side_data_list?: { rotation?: number }[];
  }[];
}

export const clipTools = (): ClipTools => {
  const { ffmpeg, ffprobe } = mediaBinaries(process.env);
  return {
    ffmpeg: async (args) => {
      await run(ffmpeg.path, ['-hide_banner', '-v', 'error', '-y', '-nostdin', ...args]);
    },
    ffprobeJson: async (path) =>
      JSON.parse(
        await run(ffprobe.path, [
          '-v',
          'error',
          '-print_format',
          'json',
          '-show_format',
          '-show_streams',
          path,
        ]),
      ) as FfprobeSummary,
  };
};
