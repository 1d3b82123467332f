// Runs one ffmpeg command through fluent-ffmpeg and says how it ended: done, cancelled (the abort
// signal), timed out (the wall-clock limit) or failed (with the stderr tail). SIGTERM first, so
// ffmpeg closes its files; SIGKILL if it has not exited a few seconds later.
import ffmpeg from 'fluent-ffmpeg';
import type { Logger } from '@mediaflow/logging';
import { classifyFfmpegFailure, type FfmpegFailure, meaningfulStderr } from './ffmpeg-command-failure';
import type { FfmpegCommandSpec } from './ffmpeg-command-spec';
import type { ProgressTracker } from './ffmpeg-command-progress';

type FfmpegOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'timed-out' }
  | { kind: 'failed'; failure: FfmpegFailure; stderrTail: string[] };

interface FfmpegRunOptions {
  ffmpegPath: string;
  logger: Logger;
  progress: ProgressTracker;
  signal?: AbortSignal;
  wallClockLimitMs?: number;
  killGraceMs?: number;
}

const TAIL_LINES = 20;

const toCommand = (spec: FfmpegCommandSpec, ffmpegPath: string): ffmpeg.FfmpegCommand => {
  const command = ffmpeg().setFfmpegPath(ffmpegPath);
  // Several arguments at once: fluent-ffmpeg then passes them through without splitting on spaces.
  command.input(spec.input).inputOptions(...spec.inputOptions);
  if (spec.filterComplex) command.complexFilter(spec.filterComplex);
  for (const output of spec.outputs) command.output(output.target).outputOptions(...output.options);
  return command;
};

export const runFfmpeg = (spec: FfmpegCommandSpec, options: FfmpegRunOptions): Promise<FfmpegOutcome> =>
  new Promise((resolve) => {
    if (options.signal?.aborted) return resolve({ kind: 'cancelled' });
    const command = toCommand(spec, options.ffmpegPath);
    const stderr: string[] = [];
    let stopping: 'cancelled' | 'timed-out' | undefined;
    let started = false;
    let killTimer: NodeJS.Timeout | undefined;

    const stop = (why: 'cancelled' | 'timed-out'): void => {
      if (stopping) return;
      stopping = why;
      if (!started) return; // killed on 'start' instead
      command.kill('SIGTERM');
      killTimer = setTimeout(() => command.kill('SIGKILL'), options.killGraceMs ?? 5000);
    };
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const limitTimer =
      options.wallClockLimitMs !== undefined
        ? setTimeout(() => stop('timed-out'), options.wallClockLimitMs)
        : undefined;

    const settle = (outcome: FfmpegOutcome): void => {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };

    command
      .on('start', (commandLine: string) => {
        started = true;
        options.logger.debug('ffmpeg started', { commandLine });
        if (stopping) {
          command.kill('SIGTERM');
          killTimer = setTimeout(() => command.kill('SIGKILL'), options.killGraceMs ?? 5000);
        }
      })
      .on('stderr', (line: string) => {
        options.progress.observe(line);
        if (meaningfulStderr([line]).length) stderr.push(line);
        if (stderr.length > TAIL_LINES * 5) stderr.splice(0, stderr.length - TAIL_LINES);
      })
      .on('end', () => settle(stopping ? { kind: stopping } : { kind: 'done' }))
      .on('error', (error: Error) => {
        if (stopping) return settle({ kind: stopping });
        const signal = /killed with signal (\w+)/.exec(error.message)?.[1];
        const code = /exited with code (-?\d+)/.exec(error.message)?.[1];
        const tail = stderr.slice(-TAIL_LINES);
        // A spawn failure (ENOENT, EACCES) has no stderr: its message is the reason.
        const lines = tail.length ? tail : [error.message];
        settle({
          kind: 'failed',
          failure: classifyFfmpegFailure(lines, {
            code: code === undefined ? null : Number(code),
            signal: signal ?? null,
          }),
          stderrTail: lines,
        });
      });
    command.run();
  });
