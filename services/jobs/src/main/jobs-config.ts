// The jobs service's settings, read from the environment once and validated: the validation policy's
// limits, the retry policy, the scheduler's period and how long output URLs stay valid.
import { z } from 'zod';
import {
  byteSizeSetting,
  commaListOf,
  intSetting,
  loadConfig,
  PublicUrlSettingsSchema,
  secondsSetting,
  setting,
  UrlSigningSettingsSchema,
} from '@mediaflow/config';
import { DEFAULT_POLICY_LIMITS as LIMITS, type PolicyLimits } from '../application/probe-verdict';
import { DEFAULT_RETRY_POLICY as RETRY, type RetryPolicy } from '../domain/retry-policy';

const KINDS = ['video', 'audio', 'image'] as const;

export const JobsEnvironmentSchema = z.object({
  MEDIAFLOW_JOBS_ALLOWED_KINDS: setting(commaListOf(z.enum(KINDS)), 'Comma-separated media kinds a job may take (video, audio, image)').default([...LIMITS.allowedKinds]),
  MEDIAFLOW_JOBS_MAX_DURATION_SECONDS: setting(z.coerce.number().positive(), 'Longest input accepted, in seconds').default(LIMITS.maxDurationSeconds),
  MEDIAFLOW_JOBS_MAX_VIDEO_LONG_SIDE: intSetting({ min: 1, default: LIMITS.maxVideoLongSide }, 'Largest video long side accepted, in pixels'),
  MEDIAFLOW_JOBS_MAX_IMAGE_LONG_SIDE: intSetting({ min: 1, default: LIMITS.maxImageLongSide }, 'Largest image long side accepted, in pixels'),
  MEDIAFLOW_JOBS_MAX_SIZE_BYTES: byteSizeSetting({ min: 1, default: LIMITS.maxSizeBytes }, 'Largest input accepted, in bytes'),
  MEDIAFLOW_JOBS_MAX_ATTEMPTS: intSetting({ min: 1, max: 10, default: RETRY.maxAttempts }, 'Attempts of a stage before the job fails'),
  MEDIAFLOW_JOBS_MAX_INTERRUPTED_ATTEMPTS: intSetting(
    { min: 1, max: 100, default: RETRY.maxInterruptedAttempts },
    'Transcode attempts of a round that may end interrupted before the job fails: RUNNER_NOT_STARTED (ended before its runner began, e.g. queued when the process restarted) RUNNER_HOST_RESTARTED (the embedded process running its runner restarted) or RUNNER_INTERRUPTED (its runner was stopped under it, e.g. a graceful stop); they do not count against MEDIAFLOW_JOBS_MAX_ATTEMPTS',
  ),
  MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS: setting(
    commaListOf(z.coerce.number().min(0).max(86_400)),
    'Comma-separated waits before each retry, in seconds (the last repeats)',
  ).default([...RETRY.backoffSeconds]),
  MEDIAFLOW_JOBS_RETRY_SCAN_MS: intSetting({ min: 10, max: 60_000, default: 1000 }, 'How often the scheduler looks for retries that are due, in milliseconds'),
  MEDIAFLOW_JOBS_OUTPUT_URL_TTL_SECONDS: secondsSetting({ min: 60, max: 7 * 86_400, default: 6 * 3600 }, 'How long output URLs handed to clients stay valid'),
  ...PublicUrlSettingsSchema.shape,
  ...UrlSigningSettingsSchema.shape,
});

export interface JobsSettings {
  readonly limits: PolicyLimits;
  readonly retry: RetryPolicy;
  readonly retryScanIntervalMs: number;
  readonly outputUrlTtlSeconds: number;
  /** AWS: the API origin output URLs point at, and the secret the blob redirect router checks. */
  readonly publicUrl?: string;
  readonly urlSigningSecret?: string;
}

export const loadJobsSettings = (env: NodeJS.ProcessEnv): JobsSettings => {
  const c = loadConfig(JobsEnvironmentSchema, env);
  return {
    limits: {
      allowedKinds: c.MEDIAFLOW_JOBS_ALLOWED_KINDS,
      maxDurationSeconds: c.MEDIAFLOW_JOBS_MAX_DURATION_SECONDS,
      maxVideoLongSide: c.MEDIAFLOW_JOBS_MAX_VIDEO_LONG_SIDE,
      maxImageLongSide: c.MEDIAFLOW_JOBS_MAX_IMAGE_LONG_SIDE,
      maxSizeBytes: c.MEDIAFLOW_JOBS_MAX_SIZE_BYTES,
    },
    retry: {
      maxAttempts: c.MEDIAFLOW_JOBS_MAX_ATTEMPTS,
      backoffSeconds: c.MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS,
      maxInterruptedAttempts: c.MEDIAFLOW_JOBS_MAX_INTERRUPTED_ATTEMPTS,
    },
    retryScanIntervalMs: c.MEDIAFLOW_JOBS_RETRY_SCAN_MS,
    outputUrlTtlSeconds: c.MEDIAFLOW_JOBS_OUTPUT_URL_TTL_SECONDS,
    ...(c.MEDIAFLOW_PUBLIC_URL !== undefined && { publicUrl: c.MEDIAFLOW_PUBLIC_URL }),
    ...(c.MEDIAFLOW_URL_SIGNING_SECRET !== undefined && { urlSigningSecret: c.MEDIAFLOW_URL_SIGNING_SECRET }),
  };
};
