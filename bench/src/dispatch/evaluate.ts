// One model, several seeds: every policy replays the same jobs per seed; figures are medians over seeds.
import type { DispatchModel } from './model';
import { figuresOf, medianFigures, type PolicyFigures } from './outcome';
import { simulate, type PolicyName } from './policies';
import { substream } from './random';
import { generateJobs } from './workload';

export const POLICIES: readonly PolicyName[] = ['run-task', 'warm-service', 'hybrid'];

export const evaluate = (
  m: DispatchModel,
  policy: PolicyName,
  seeds: number,
  days: number,
): PolicyFigures => {
  const runs: PolicyFigures[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const jobs = generateJobs(m.workload, seed, days);
    const run = simulate(policy, m, jobs, substream(seed, `cold-starts:${policy}`));
    runs.push(figuresOf(run, m.fargate, m.budgetSeconds, days));
  }
  return medianFigures(runs);
};
