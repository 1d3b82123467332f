// The ffprobe command line for one input, and which HTTP options this ffprobe build understands
// (reconnect options came and went across versions; an unknown option makes ffprobe refuse to run).
import { execFile } from 'node:child_process';

interface FfprobeArgsOptions {
  isUrl: boolean;
  timeoutMs: number;
  /** Still images: also decode the first frame, the only place ffprobe shows EXIF orientation. */
  readFirstFrame: boolean;
  /** HTTP protocol options this build supports (see ffprobeHttpOptions). */
  httpOptions: ReadonlySet<string>;
}

// Only what the input needs: a crafted file cannot make ffprobe open other protocols (file:// from
// an HTTP input, or the network from a local one).
const LOCAL_PROTOCOLS = 'file';
const URL_PROTOCOLS = 'http,https,tcp,tls,httpproxy';

const RECONNECT = [
  ['reconnect', '1'],
  ['reconnect_on_network_error', '1'],
  ['reconnect_delay_max', '2'],
] as const;

const httpArgs = (options: FfprobeArgsOptions): string[] => {
  // ffprobe's own I/O timeout fires a little before our kill, so the error says what timed out.
  const ioTimeoutUs = Math.max(1000, options.timeoutMs - 1000) * 1000;
  const reconnect = RECONNECT.filter(([name]) => options.httpOptions.has(name)).flatMap(([name, value]) => [
    `-${name}`,
    value,
  ]);
  return ['-rw_timeout', String(ioTimeoutUs), ...reconnect];
};

export const buildFfprobeArgs = (input: string, options: FfprobeArgsOptions): string[] => [
  '-hide_banner',
  '-v',
  'error',
  '-print_format',
  'json',
  '-show_format',
  '-show_streams',
  ...(options.readFirstFrame ? ['-show_frames', '-read_intervals', '%+#1'] : []),
  '-protocol_whitelist',
  options.isUrl ? URL_PROTOCOLS : LOCAL_PROTOCOLS,
  ...(options.isUrl ? httpArgs(options) : []),
  // "file:" keeps a path that starts with "-" or looks like "proto:..." a plain file name.
  '-i',
  options.isUrl ? input : `file:${input}`,
];

const httpOptionsByBinary = new Map<string, Promise<ReadonlySet<string>>>();

/** The options `ffprobe -h protocol=http` lists, asked once per binary; empty if it cannot say. */
export const ffprobeHttpOptions = (binary: string): Promise<ReadonlySet<string>> => {
  let known = httpOptionsByBinary.get(binary);
  if (!known) {
    known = new Promise((resolve) => {
      execFile(binary, ['-hide_banner', '-h', 'protocol=http'], { timeout: 10000 }, (_error, stdout) => {
        resolve(new Set([...String(stdout ?? '').matchAll(/^\s+-(\w+)\s/gm)].map((m) => m[1] ?? '')));
      });
    });
    httpOptionsByBinary.set(binary, known);
  }
  return known;
};
