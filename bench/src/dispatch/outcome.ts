// What a policy's day costs and how fast it starts jobs: the figures the report prints.
import { percentile } from '../shared/stats';
import type { PolicyRun, TaskLife } from './fleet';
import { taskPricePerSecond, type FargateModel } from './model';

export interface PolicyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Share of jobs started within the budget (0..1). */
  readonly withinBudget: number;
  readonly costPerDay: number;
  readonly costPerJob: number;
  readonly tasksLaunched: number;
  readonly billedHours: number;
  /** Billed runner time not spent transcoding (starts, waiting for work, minimum billing). */
  readonly idleHours: number;
}

/** Seconds billed for one task: from the image pull (after the unbilled ENI part) to stop, at least the minimum. */
export const billedSeconds = (life: TaskLife, f: FargateModel): number => {
  const from = Math.min(life.launchAt + f.unbilledStartSeconds, life.readyAt);
  const stop = Number.isFinite(life.stopAt) ? life.stopAt : from;
  return Math.max(f.minimumBilledSeconds, stop - from);
};

export const figuresOf = (run: PolicyRun, f: FargateModel, budget: number, days: number): PolicyFigures => {
  const billed = run.tasks.reduce((s, t) => s + billedSeconds(t, f), 0);
  const busy = run.tasks.reduce((s, t) => s + t.busySeconds, 0);
  const cost = billed * taskPricePerSecond(f);
  const jobs = run.timeToStart.length;
  return {
    p50: percentile(run.timeToStart, 50),
    p99: percentile(run.timeToStart, 99),
    max: Math.max(...run.timeToStart),
    withinBudget: run.timeToStart.filter((t) => t <= budget).length / jobs,
    costPerDay: cost / days,
    costPerJob: cost / jobs,
    tasksLaunched: run.tasks.length / days,
    billedHours: billed / 3600 / days,
    idleHours: (billed - busy) / 3600 / days,
  };
};

/** The median of each figure over several seeds. */
export const medianFigures = (runs: readonly PolicyFigures[]): PolicyFigures => {
  const med = (k: keyof PolicyFigures): number => percentile(runs.map((r) => r[k]), 50);
  return {
    p50: med('p50'),
    p99: med('p99'),
    max: med('max'),
    withinBudget: med('withinBudget'),
    costPerDay: med('costPerDay'),
    costPerJob: med('costPerJob'),
    tasksLaunched: med('tasksLaunched'),
    billedHours: med('billedHours'),
    idleHours: med('idleHours'),
  };
};
