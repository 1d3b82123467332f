// An ffmpeg invocation as data (input, filter graph, outputs), flattened to argv in the order
// the runner spawns (ffmpeg-transcoder-process.ts), so the argv a test or bench runs is the one the transcoder runs.
import path from 'node:path';

export interface FfmpegOutputSpec {
  options: string[];
  target: string;
}

export interface FfmpegCommandSpec {
  /** Global and input options: they go before `-i`. */
  inputOptions: string[];
  input: string;
  filterComplex?: string;
  outputs: FfmpegOutputSpec[];
  /** Folders ffmpeg writes into but does not create itself (image2, mp4 and raw outputs). */
  directories: string[];
}

/**
 * Quiet logs (warnings and errors only, so a failure's stderr tail is about the failure) and
 * machine-readable progress (`out_time=` lines) on stderr. `-nostdin`: ffmpeg must not read keys.
 */
export const GLOBAL_OPTIONS = [
  '-hide_banner',
  '-nostdin',
  '-nostats',
  '-loglevel',
  'warning',
  '-progress',
  'pipe:2',
];

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** Presigned URLs: reconnect on a dropped connection, and fail (not hang) when the server goes quiet. */
export const inputOptionsFor = (input: string, extra: string[] = []): string[] => [
  ...GLOBAL_OPTIONS,
  ...(isUrl(input)
    ? ['-reconnect', '1', '-reconnect_streamed', '1', '-reconnect_delay_max', '5', '-rw_timeout', '30000000']
    : []),
  ...extra,
];

/** Input options, -i, -y, -filter_complex, outputs: the order fluent-ffmpeg used, kept so commands read the same. */
export const commandArgs = (spec: FfmpegCommandSpec): string[] => [
  ...spec.inputOptions,
  '-i',
  spec.input,
  '-y',
  ...(spec.filterComplex ? ['-filter_complex', spec.filterComplex] : []),
  ...spec.outputs.flatMap((o) => [...o.options, o.target]),
];

export const outPath = (outDir: string, key: string): string => path.join(outDir, ...key.split('/'));
export const parentDir = (outDir: string, key: string): string => path.dirname(outPath(outDir, key));

/**
 * Escapes one `key=value` option of a tee slave, then the whole slave: tee unescapes the `|`-separated
 * list once (av_get_token) and each option value once more, so values need two levels.
 */
const escapeLevel = (text: string, specials: RegExp): string => text.replace(specials, (c) => `\\${c}`);

export const teeSlave = (options: Record<string, string>, target: string): string => {
  const opts = Object.entries(options)
    .map(([key, value]) => `${key}=${escapeLevel(value, /[\\':\]|]/g)}`)
    .join(':');
  return escapeLevel(`[${opts}]${target}`, /[\\'|]/g);
};

export const teeTarget = (slaves: string[]): string => slaves.join('|');
