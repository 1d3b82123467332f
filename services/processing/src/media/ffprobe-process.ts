// Runs the ffprobe binary once (no shell, arguments as an array) under a wall-clock limit and an
// abort signal, and reports how it ended; deciding what that means is ffprobe-failure's job.
import { spawn } from 'node:child_process';
import type { RunnerNetwork } from './ffmpeg-input-guard';
import { sandboxedCommand } from './ffmpeg-sandbox';

export interface FfprobeRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** The signal that ended ffprobe, when one did (ours on timeout or abort, or a crash). */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
}

interface FfprobeRunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** `none`: in a network namespace of its own, where the host permits one. */
  network?: RunnerNetwork;
}

// Enough for hundreds of streams; more means something odd is going on and we would rather fail.
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export const runFfprobe = (
  binary: string,
  args: readonly string[],
  options: FfprobeRunOptions,
): Promise<FfprobeRun> =>
  new Promise((resolve) => {
    const run: FfprobeRun = {
      stdout: '',
      stderr: '',
      exitCode: null,
      signal: null,
      timedOut: false,
      aborted: false,
    };
    if (options.signal?.aborted) {
      resolve({ ...run, aborted: true });
      return;
    }
    const command = sandboxedCommand(binary, args, { network: options.network ?? 'host', limits: {} });
    const child = spawn(command.file, command.args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let outputBytes = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      outputBytes += chunk.length;
      if (outputBytes > MAX_OUTPUT_BYTES) child.kill('SIGKILL');
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));

    const stop = (flag: 'timedOut' | 'aborted') => {
      run[flag] = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timedOut'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (extra: Partial<FfprobeRun>) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        ...run,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ...extra,
      });
    };
    child.on('error', (error) => finish({ spawnError: error }));
    child.on('close', (exitCode, signal) => finish({ exitCode, signal }));
  });
