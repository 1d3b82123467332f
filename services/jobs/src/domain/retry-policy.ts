// How often and how late a retryable failure is tried again. Config, passed into the decider.
// Attempts count within a retry round: the first round starts with the job, and each retry of a failed
// job by its owner starts a new one (see job-decide-retry.ts).
import { AttemptSchema } from '@mediaflow/contracts';

export interface RetryPolicy {
  /** Attempts in a round, the first included (3: one try and two retries). */
  readonly maxAttempts: number;
  /** Wait before attempt n+1 of a round after its attempt n failed: index n-1; the last value repeats. */
  readonly backoffSeconds: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffSeconds: [10, 40] };

/** The highest transcode attempt number the public events can carry: no attempt is issued past it. */
export const LAST_TRANSCODE_ATTEMPT = AttemptSchema.maxValue ?? Number.MAX_SAFE_INTEGER;

/** `failedAttempt` counts within its round (1 for the round's first attempt). */
export const backoffAfter = (policy: RetryPolicy, failedAttempt: number): number => {
  const delays = policy.backoffSeconds;
  return delays[Math.min(failedAttempt, delays.length) - 1] ?? 0;
};

/** `failedAttempt` counts within its round (1 for the round's first attempt). */
export const canRetry = (policy: RetryPolicy, failedAttempt: number): boolean => failedAttempt < policy.maxAttempts;
