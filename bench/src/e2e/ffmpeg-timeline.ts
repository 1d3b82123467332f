// When each job's ffmpeg ran, measured from outside the services: the runner (a forked child in the
// pipeline, an in-process call in the baseline) is given a tiny sh wrapper as its ffmpeg, through
// FFMPEG_PATH, that records its start and end time and argv per invocation. A job's invocations are
// the ones whose argv names its scratch folder (`<tmp>/mediaflow-<jobId>-…`, run-transcode-job.ts).
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface FfmpegSpan {
  /** Seconds at least one of the job's ffmpeg processes was running (the union of their lifetimes). */
  readonly busySeconds: number;
  /** Epoch milliseconds of the first start and the last end. */
  readonly firstStartMs: number;
  readonly lastEndMs: number;
  readonly processes: number;
}

export interface FfmpegTimeline {
  /** Give this to the runner as its ffmpeg (FFMPEG_PATH, or FfmpegTranscoder's ffmpegPath). */
  readonly wrapperPath: string;
  /** The job's ffmpeg span; undefined when no ffmpeg of that job was recorded. */
  spanOf(jobId: string): Promise<FfmpegSpan | undefined>;
  dispose(): Promise<void>;
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

interface Invocation {
  readonly startMs: number;
  readonly endMs: number;
  readonly argv: readonly string[];
}

const unionSeconds = (runs: readonly Invocation[]): number => {
  let busyMs = 0;
  let coveredUntil = -Infinity;
  for (const run of [...runs].sort((a, b) => a.startMs - b.startMs)) {
    const from = Math.max(run.startMs, coveredUntil);
    if (run.endMs > from) busyMs += run.endMs - from;
    coveredUntil = Math.max(coveredUntil, run.endMs);
  }
  return busyMs / 1000;
};

export const startFfmpegTimeline = async (realFfmpeg: string): Promise<FfmpegTimeline> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mediaflow-bench-e2e-ffmpeg-'));
  const runs = path.join(dir, 'runs');
  const wrapperPath = path.join(dir, 'ffmpeg-timed.sh');
  // One file per invocation (no interleaved appends): "start end" then the argv, one per line.
  const script = [
    '#!/bin/sh',
    's=$(date +%s.%N)',
    `${shellQuote(realFfmpeg)} "$@"`,
    'rc=$?',
    'e=$(date +%s.%N)',
    `{ echo "$s $e"; printf '%s\\n' "$@"; } > ${shellQuote(runs)}/run.$$.$s`,
    'exit $rc',
  ];
  await writeFile(wrapperPath, `${script.join('\n')}\n`);
  await chmod(wrapperPath, 0o755);
  await mkdir(runs);

  const invocations = async (): Promise<Invocation[]> => {
    const files = await readdir(runs);
    return Promise.all(
      files.map(async (file) => {
        const [times = '', ...argv] = (await readFile(path.join(runs, file), 'utf8')).split('\n');
        const [start = 'NaN', end = 'NaN'] = times.split(' ');
        return { startMs: Number(start) * 1000, endMs: Number(end) * 1000, argv };
      }),
    );
  };

  return {
    wrapperPath,
    spanOf: async (jobId) => {
      const marker = `${path.sep}mediaflow-${jobId}-`;
      const mine = (await invocations()).filter((run) => run.argv.some((arg) => arg.includes(marker)));
      if (mine.length === 0) return undefined;
      return {
        busySeconds: unionSeconds(mine),
        firstStartMs: Math.min(...mine.map((r) => r.startMs)),
        lastEndMs: Math.max(...mine.map((r) => r.endMs)),
        processes: mine.length,
      };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
};
