// The upload bench's knobs, read once from the environment (defaults finish in about two minutes on
// a busy 2-core machine).
import { z } from 'zod';

const VARIANT_NAMES = ['raw-put', 'fetch-multipart', 'cli-multipart', 'browser-ui'] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

const UploadBenchEnvSchema = z.object({
  /** Size of the random file uploaded by every variant, in MiB. */
  BENCH_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(64),
  /** Timed uploads per variant (after one untimed warm-up round). */
  BENCH_UPLOAD_REPS: z.coerce.number().int().min(1).max(100).default(5),
  /** The multipart deployment's threshold and part size, in MiB (S3's minimum part is 5 MiB). */
  BENCH_UPLOAD_PART_MB: z.coerce.number().int().min(5).max(1024).default(16),
  /** Which variants run, comma-separated; raw-put (the baseline) always runs. */
  BENCH_UPLOAD_VARIANTS: z
    .string()
    .default(VARIANT_NAMES.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(VARIANT_NAMES)).min(1))
    .transform((names) => VARIANT_NAMES.filter((v) => v === 'raw-put' || names.includes(v))),
  /** Where raw-put and fetch-multipart send their bytes from: a worker thread, or the server's own main thread. */
  BENCH_UPLOAD_PUT_THREAD: z.enum(['worker', 'main']).default('worker'),
  /** How long one upload, or the job it creates leaving created/probing, may take. */
  BENCH_UPLOAD_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  /** After the rounds, one multipart upload of this many MiB with this process's RSS sampled (0: none). */
  BENCH_UPLOAD_RSS_MB: z.coerce.number().int().min(0).max(8192).default(0),
});

export type UploadBenchSettings = z.infer<typeof UploadBenchEnvSchema>;

export const loadUploadBenchSettings = (env: NodeJS.ProcessEnv = process.env): UploadBenchSettings =>
  UploadBenchEnvSchema.parse(env);
