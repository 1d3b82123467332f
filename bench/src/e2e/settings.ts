// The e2e bench's knobs, read once from the environment (defaults finish in about a minute and a
// half on a busy 2-core machine).
import os from 'node:os';
import { z } from 'zod';

const E2eBenchEnvSchema = z.object({
  /** Uploads sent at once through the pipeline, and clips per baseline run. */
  BENCH_E2E_JOBS: z.coerce.number().int().min(1).max(200).default(6),
  /** The source: H.264 + AAC testsrc2 clip of this length and size. */
  BENCH_E2E_CLIP_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
  BENCH_E2E_CLIP_SIZE: z
    .string()
    .regex(/^\d+x\d+$/, 'WIDTHxHEIGHT, e.g. 640x360')
    .default('640x360')
    .transform((s) => s.split('x').map(Number) as [number, number]),
  BENCH_E2E_PROFILE: z.string().min(1).default('sd'),
  /** The embedded runner pool's width (processing's own setting; its default is the core count). */
  MEDIAFLOW_RUNNER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(() => os.availableParallelism()),
  /** How long one job may take through the pipeline before the bench gives up. */
  BENCH_E2E_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** "1" skips the one-at-a-time pipeline run (only the N concurrent uploads and the baselines). */
  BENCH_E2E_SKIP_SERIAL: z.enum(['0', '1']).default('0'),
});

type E2eBenchSettings = z.infer<typeof E2eBenchEnvSchema>;

export const loadE2eBenchSettings = (env: NodeJS.ProcessEnv = process.env): E2eBenchSettings =>
  E2eBenchEnvSchema.parse(env);
