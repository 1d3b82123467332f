// bench/dispatch's knobs (environment): how many seeds and days, and the sweeps.
import { z } from 'zod';

const Schema = z.object({
  BENCH_DISPATCH_SEEDS: z.coerce.number().int().min(1).max(100).default(7),
  BENCH_DISPATCH_DAYS: z.coerce.number().int().min(1).max(30).default(1),
  BENCH_DISPATCH_COLD_STARTS: z
    .string()
    .default('20,40,70')
    .transform((s) => s.split(',').map(Number)),
  BENCH_DISPATCH_FLOORS: z
    .string()
    .default('0,1,2,4,8,12')
    .transform((s) => s.split(',').map(Number)),
});

export interface DispatchBenchSettings {
  readonly seeds: number;
  readonly days: number;
  readonly coldStartMedians: readonly number[];
  readonly floors: readonly number[];
}

export const loadDispatchBenchSettings = (env: NodeJS.ProcessEnv = process.env): DispatchBenchSettings => {
  const c = Schema.parse(env);
  return { seeds: c.BENCH_DISPATCH_SEEDS, days: c.BENCH_DISPATCH_DAYS, coldStartMedians: c.BENCH_DISPATCH_COLD_STARTS, floors: c.BENCH_DISPATCH_FLOORS };
};
