// Runs the variants repetition after repetition in alternating order, each into a fresh folder,
// and records wall seconds, ffmpeg CPU seconds and this process's own CPU seconds per run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSince, cpuSnapshot } from './child-cpu';
import type { LifetimeProbe } from './ffmpeg-lifetime';
import { isSingleCommandArgv, runVariant, type LadderJob, type VariantName } from './variants';

export interface RunFigures {
  readonly wall: number;
  /** The runner's ffmpeg process lifetime (from the wrapper); undefined for the other variants. */
  readonly runnerFfmpegWall?: number;
  /** Whether the runner's ffmpeg ran exactly (b)'s argv; undefined for the other variants. */
  readonly runnerArgvIsSingle?: boolean;
  readonly ffmpegCpu: number;
  readonly nodeCpu: number;
}

export type Measurements = Record<VariantName, RunFigures[]>;

/** Forward, then reversed, every other repetition: (a) and (b) always run back to back, each first in turn. */
const orderFor = (variants: readonly VariantName[], rep: number): VariantName[] =>
  rep % 2 === 0 ? [...variants] : [...variants].reverse();

const timeOnce = async (variant: VariantName, job: LadderJob, probe: LifetimeProbe): Promise<RunFigures> => {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), `mediaflow-bench-ladder-${variant}-`));
  try {
    const cpu = cpuSnapshot();
    const started = performance.now();
    await runVariant(variant, job, outDir);
    const wall = (performance.now() - started) / 1000;
    const spent = cpuSince(cpu);
    const figures = { wall, ffmpegCpu: spent.childrenSeconds, nodeCpu: spent.selfSeconds };
    if (variant !== 'runner') return figures;
    const inner = await probe.takeLongest();
    return {
      ...figures,
      runnerFfmpegWall: inner?.seconds ?? Number.NaN,
      runnerArgvIsSingle: inner ? isSingleCommandArgv(inner.argv, job, outDir) : false,
    };
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
};

export const measureVariants = async (
  job: LadderJob,
  probe: LifetimeProbe,
  /** The variants of one repetition, in their forward order. */
  variantsFor: (rep: number) => readonly VariantName[],
  reps: number,
  onRun: (rep: number, variant: VariantName, figures: RunFigures) => void,
): Promise<Measurements> => {
  const results: Measurements = { runner: [], single: [], perRung: [], perRungParallel: [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const variant of orderFor(variantsFor(rep), rep)) {
      const figures = await timeOnce(variant, job, probe);
      results[variant].push(figures);
      onRun(rep, variant, figures);
    }
  }
  return results;
};
