// The three ways the ladder bench makes the same outputs from one plan: (a) the runner's engine
// (FfmpegTranscoder, one ffmpeg process under its sandbox, staging, master playlist, renames),
// (b) the same single ffmpeg command spawned by hand, (c) one ffmpeg per rung (+ audio, MP4, stills),
// in sequence or all at once. Each returns nothing; the caller times it.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plan } from '@mediaflow/media-planning';
import {
  buildPerRungCommands,
  buildSingleProcessCommand,
  commandArgs,
  type FfmpegCommandSpec,
  FfmpegTranscoder,
} from '@mediaflow/processing/media';

export type VariantName = 'runner' | 'single' | 'perRung' | 'perRungParallel';

export interface LadderJob {
  readonly ffmpegPath: string;
  /** What the runner is given as its ffmpeg: the timing wrapper of ffmpeg-lifetime.ts. */
  readonly runnerFfmpegPath: string;
  readonly input: string;
  readonly plan: Plan;
}

const STDERR_TAIL = 4000;

/** Spawns ffmpeg with the spec's argv (after creating its folders); stderr is drained, its tail kept for errors. */
const runSpec = async (ffmpegPath: string, spec: FfmpegCommandSpec): Promise<void> => {
  await Promise.all(spec.directories.map((dir) => fs.mkdir(dir, { recursive: true })));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath, commandArgs(spec), { stdio: ['ignore', 'ignore', 'pipe'] });
    let tail = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-STDERR_TAIL);
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code ?? signal}:\n${tail}`)),
    );
  });
};

const perRungSpecs = (job: LadderJob, outDir: string): FfmpegCommandSpec[] => {
  if (job.plan.kind !== 'video') throw new Error(`the ladder bench needs a video plan, got ${job.plan.kind}`);
  return buildPerRungCommands(job.input, job.plan, outDir);
};

export const runVariant = async (name: VariantName, job: LadderJob, outDir: string): Promise<void> => {
  switch (name) {
    case 'runner': {
      const transcoder = new FfmpegTranscoder({ ffmpegPath: job.runnerFfmpegPath });
      const durationSeconds = job.plan.kind === 'image' ? 0 : job.plan.durationSeconds;
      await transcoder.transcode(job.input, job.plan, outDir, { durationSeconds });
      return;
    }
    case 'single':
      return runSpec(job.ffmpegPath, buildSingleProcessCommand(job.input, job.plan, outDir));
    case 'perRung':
      for (const spec of perRungSpecs(job, outDir)) await runSpec(job.ffmpegPath, spec);
      return;
    case 'perRungParallel':
      await Promise.all(perRungSpecs(job, outDir).map((spec) => runSpec(job.ffmpegPath, spec)));
      return;
  }
};

/**
 * Whether the runner's ffmpeg got exactly (b)'s argv: (b)'s command rebuilt for the staging folder
 * the runner picked (`<outDir>/.transcode-<uuid>`), compared argument by argument.
 */
export const isSingleCommandArgv = (argv: readonly string[], job: LadderJob, outDir: string): boolean => {
  const prefix = `${outDir}${path.sep}.transcode-`;
  const staging = argv
    .find((a) => a.includes(prefix))
    ?.split(prefix)[1]
    ?.split(path.sep)[0];
  if (!staging) return false;
  const expected = commandArgs(buildSingleProcessCommand(job.input, job.plan, `${prefix}${staging}`));
  return expected.length === argv.length && expected.every((arg, i) => arg === argv[i]);
};

/** How many ffmpeg processes a variant starts, for the printed table. */
export const processCount = (name: VariantName, job: LadderJob): number =>
  name === 'runner' || name === 'single' ? 1 : perRungSpecs(job, '/').length;
