// The jobs service's settings, read from the environment once and validated: the validation policy's
// limits, the retry policy, the scheduler's period and how long output URLs stay valid.
import { z } from 'zod';
import { loadConfig } from '@mediaflow/config';
import { InfrastructureEnvironmentSchema } from '@mediaflow/runtime';
import { DEFAULT_POLICY_LIMITS as LIMITS, type PolicyLimits } from '../application/probe-verdict';
import { DEFAULT_RETRY_POLICY as RETRY, type RetryPolicy } from '../domain/retry-policy';

const KINDS = ['video', 'audio', 'image'] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.string().transform((text, ctx) => {
    const parsed = z.array(item).min(1).safeParse(text.split(',').map((s) => s.trim()).filter(Boolean));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `expected a comma-separated list: ${parsed.error.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

export const JobsEnvironmentSchema = InfrastructureEnvironmentSchema.extend({
  MEDIAFLOW_JOBS_ALLOWED_KINDS: csv(z.enum(KINDS)).default([...LIMITS.allowedKinds]),
  MEDIAFLOW_JOBS_MAX_DURATION_SECONDS: z.coerce.number().positive().default(LIMITS.maxDurationSeconds),
  MEDIAFLOW_JOBS_MAX_VIDEO_LONG_SIDE: z.coerce.number().int().positive().default(LIMITS.maxVideoLongSide),
  MEDIAFLOW_JOBS_MAX_IMAGE_LONG_SIDE: z.coerce.number().int().positive().default(LIMITS.maxImageLongSide),
  MEDIAFLOW_JOBS_MAX_SIZE_BYTES: z.coerce.number().int().positive().default(LIMITS.maxSizeBytes),
  MEDIAFLOW_JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(RETRY.maxAttempts),
  MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS: csv(z.coerce.number().min(0).max(86_400)).default([...RETRY.backoffSeconds]),
  MEDIAFLOW_JOBS_RETRY_SCAN_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MEDIAFLOW_JOBS_OUTPUT_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(6 * 3600),
  /** AWS mode: the API origin output URLs point at, and the secret the blob redirect router checks. */
  MEDIAFLOW_PUBLIC_URL: z.url().optional(),
  MEDIAFLOW_URL_SIGNING_SECRET: z.string().min(32).optional(),
});
export type JobsConfig = z.infer<typeof JobsEnvironmentSchema>;

export const loadJobsConfig = (env: NodeJS.ProcessEnv = process.env): JobsConfig => loadConfig(JobsEnvironmentSchema, env);

export const policyLimitsOf = (config: JobsConfig): PolicyLimits => ({
  allowedKinds: config.MEDIAFLOW_JOBS_ALLOWED_KINDS,
  maxDurationSeconds: config.MEDIAFLOW_JOBS_MAX_DURATION_SECONDS,
  maxVideoLongSide: config.MEDIAFLOW_JOBS_MAX_VIDEO_LONG_SIDE,
  maxImageLongSide: config.MEDIAFLOW_JOBS_MAX_IMAGE_LONG_SIDE,
  maxSizeBytes: config.MEDIAFLOW_JOBS_MAX_SIZE_BYTES,
});

export const retryPolicyOf = (config: JobsConfig): RetryPolicy => ({
  maxAttempts: config.MEDIAFLOW_JOBS_MAX_ATTEMPTS,
  backoffSeconds: config.MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS,
});
