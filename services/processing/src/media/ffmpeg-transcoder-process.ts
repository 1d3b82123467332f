// Runs one ffmpeg command inside the runner's sandbox (ffmpeg-sandbox.ts) and says how it ended:
// done, cancelled (the abort signal), timed out (the wall-clock limit), stopped at a bound (memory,
// CPU, output bytes or files), or failed (with the stderr tail). A stop is SIGTERM first, so ffmpeg
// closes its files, then SIGKILL if it has not exited a few seconds later; a bound is SIGKILL at once.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import type { Logger } from '@mediaflow/logging';
import { classifyFfmpegFailure, type FfmpegFailure, meaningfulStderr } from './ffmpeg-command-failure';
import { commandArgs, type FfmpegCommandSpec } from './ffmpeg-command-spec';
import type { ProgressTracker } from './ffmpeg-command-progress';
import { type Breach, endedChildrenCpuSeconds, isOutOfMemoryLine, limitBreach } from './ffmpeg-limits';
import { RunWatch } from './ffmpeg-run-watch';
import { type SandboxPolicy, sandboxedCommand, type SandboxSupport } from './ffmpeg-sandbox';

type FfmpegOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'timed-out' }
  | { kind: 'limit'; breach: Breach }
  | { kind: 'failed'; failure: FfmpegFailure; stderrTail: string[] };

interface FfmpegRunOptions {
  ffmpegPath: string;
  logger: Logger;
  progress: ProgressTracker;
  sandbox: SandboxPolicy;
  /** Where ffmpeg writes: watched for the output limits. */
  outputDir: string;
  signal?: AbortSignal;
  wallClockLimitMs?: number;
  killGraceMs?: number;
  /** Tests pass what a host without the wrappers would have. */
  support?: SandboxSupport;
}

const TAIL_LINES = 20;

export const runFfmpeg = (spec: FfmpegCommandSpec, options: FfmpegRunOptions): Promise<FfmpegOutcome> =>
  new Promise((resolve) => {
    if (options.signal?.aborted) return resolve({ kind: 'cancelled' });
    const command = sandboxedCommand(options.ffmpegPath, commandArgs(spec), options.sandbox, options.support);
    const cpuBefore = endedChildrenCpuSeconds();
    const child = spawn(command.file, command.args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    options.logger.debug('ffmpeg started', {
      pid: child.pid,
      isolatedNetwork: command.isolatedNetwork,
      kernelLimits: command.kernelLimits,
      limits: options.sandbox.limits,
      commandLine: [command.file, ...command.args].join(' '),
    });
    const stderr: string[] = [];
    let outOfMemoryLine: string | undefined;
    let stopping: 'cancelled' | 'timed-out' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const stop = (why: 'cancelled' | 'timed-out'): void => {
      if (stopping) return;
      stopping = why;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 5000);
    };
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const limitTimer =
      options.wallClockLimitMs !== undefined
        ? setTimeout(() => stop('timed-out'), options.wallClockLimitMs)
        : undefined;
    const watch = new RunWatch(child.pid, options.outputDir, options.sandbox.limits, () => child.kill('SIGKILL'));

    const settle = (outcome: FfmpegOutcome): void => {
      if (settled) return;
      settled = true;
      watch.stop();
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };

    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      options.progress.observe(line);
      if (outOfMemoryLine === undefined && isOutOfMemoryLine(line)) outOfMemoryLine = line;
      if (meaningfulStderr([line]).length) stderr.push(line);
      if (stderr.length > TAIL_LINES * 5) stderr.splice(0, stderr.length - TAIL_LINES);
    });

    // A spawn failure (ENOENT, EACCES) has no stderr: its message is the reason.
    child.on('error', (error) =>
      settle({
        kind: 'failed',
        failure: classifyFfmpegFailure([error.message], {}, options.sandbox.network),
        stderrTail: [error.message],
      }),
    );
    const ended = async (exitCode: number | null, signal: NodeJS.Signals | null): Promise<void> => {
      if (stopping) return settle({ kind: stopping });
      const cpuAfter = endedChildrenCpuSeconds();
      const outputBreach = await watch.final();
      const tail = stderr.slice(-TAIL_LINES);
      const breach = limitBreach(
        {
          exitCode,
          signal,
          ...(outOfMemoryLine !== undefined && { outOfMemoryLine }),
          ...(cpuBefore !== undefined && cpuAfter !== undefined && { cpuSeconds: cpuAfter - cpuBefore }),
          ...(watch.peakVirtualBytes !== undefined && { peakVirtualBytes: watch.peakVirtualBytes }),
          ...(outputBreach && { outputBreach }),
        },
        options.sandbox.limits,
      );
      if (breach) return settle({ kind: 'limit', breach });
      if (exitCode === 0) return settle({ kind: 'done' });
      const lines = tail.length ? tail : [`ffmpeg ${signal ? `was killed with signal ${signal}` : `exited with code ${exitCode}`}`];
      settle({
        kind: 'failed',
        failure: classifyFfmpegFailure(lines, { code: exitCode, signal }, options.sandbox.network),
        stderrTail: lines,
      });
    };
    child.on('close', (exitCode, signal) => void ended(exitCode, signal));
  });
