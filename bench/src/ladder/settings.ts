// The ladder bench's knobs, read once from the environment.
import { z } from 'zod';
import type { VariantName } from './variants';

const VARIANTS = ['runner', 'single', 'perRung', 'perRungParallel'] as const satisfies readonly VariantName[];

const LadderBenchEnvSchema = z.object({
  /** Repetitions of every variant (order alternates); medians are reported. */
  BENCH_LADDER_REPS: z.coerce.number().int().min(1).max(50).default(3),
  /**
   * Source clip length (1080p30 testsrc2 + sine). 4 s keeps the whole run near 3 minutes on a busy
   * 2-core machine; 10 s takes about 3x as long.
   */
  BENCH_CLIP_SECONDS: z.coerce.number().int().min(3).max(600).default(4),
  BENCH_PROFILE: z.string().default('default'),
  /** Which variants run, e.g. "runner,single" for more a/b pairs in the same time. */
  BENCH_LADDER_VARIANTS: z
    .string()
    .default(VARIANTS.join(','))
    .transform((list) => list.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(VARIANTS)).min(1)),
  /** Per-rung-in-parallel variant: in the first repetition only (default), in every one, or not at all. */
  BENCH_LADDER_PARALLEL: z.enum(['once', 'every', 'off']).default('once'),
  /** The runner may take at most this much more wall time than the hand-written command. */
  BENCH_RUNNER_TOLERANCE: z.coerce.number().min(0).max(1).default(0.05),
});

type LadderBenchSettings = z.infer<typeof LadderBenchEnvSchema>;

export const loadLadderBenchSettings = (env: NodeJS.ProcessEnv = process.env): LadderBenchSettings =>
  LadderBenchEnvSchema.parse(env);

/** The variants of one repetition, in their forward order (c' only where BENCH_LADDER_PARALLEL puts it). */
export const variantsOfRep = (s: LadderBenchSettings, rep: number): VariantName[] =>
  s.BENCH_LADDER_VARIANTS.filter(
    (v) =>
      v !== 'perRungParallel' ||
      s.BENCH_LADDER_PARALLEL === 'every' ||
      (s.BENCH_LADDER_PARALLEL === 'once' && rep === 0),
  );
