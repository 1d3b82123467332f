// How often and how late a retryable failure is tried again. Config, passed into the decider.
export interface RetryPolicy {
  /** Attempts in all, the first included (3: one try and two retries). */
  readonly maxAttempts: number;
  /** Wait before attempt n+1 after attempt n failed: index n-1; the last value repeats. */
  readonly backoffSeconds: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffSeconds: [10, 40] };

export const backoffAfter = (policy: RetryPolicy, failedAttempt: number): number => {
  const delays = policy.backoffSeconds;
  return delays[Math.min(failedAttempt, delays.length) - 1] ?? 0;
};

export const canRetry = (policy: RetryPolicy, failedAttempt: number): boolean => failedAttempt < policy.maxAttempts;
