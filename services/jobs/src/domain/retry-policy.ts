// How often and how late a retryable failure is tried again. Config, passed into the decider.
// Attempts count within a retry round: the first round starts with the job, and each retry of a failed
// job by its owner starts a new one (see job-decide-retry.ts). A transcode attempt that failed with
// RUNNER_NOT_STARTED never ran (processing lost or dropped it before its runner began, e.g. it waited
// in the runner queue when the process was killed): it does not count against `maxAttempts`, only
// against its own, larger cap, so a crash loop still ends.
import { AttemptSchema } from '@mediaflow/contracts';

export interface RetryPolicy {
  /** Attempts in a round, the first included (3: one try and two retries). */
  readonly maxAttempts: number;
  /** Wait before attempt n+1 of a round after its attempt n failed: index n-1; the last value repeats. */
  readonly backoffSeconds: readonly number[];
  /**
   * Transcode attempts in a round that may end before their runner began (RUNNER_NOT_STARTED). Each
   * restart of the embedded process costs every queued job one: 20 outlasts a crash loop of a few
   * minutes (with the default backoff, ~13 min) and still ends one that never stops.
   */
  readonly maxNotStartedAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffSeconds: [10, 40], maxNotStartedAttempts: 20 };

/** TranscodeFailed's code for an attempt whose runner never began (processing's runner-report.ts). */
export const RUNNER_NOT_STARTED = 'RUNNER_NOT_STARTED';

/** Whether a transcode failure is one that did no work, so the retry policy does not count it as an attempt. */
export const neverStarted = (failure: { readonly code: string; readonly retryable: boolean }): boolean =>
  failure.retryable && failure.code === RUNNER_NOT_STARTED;

/** The highest transcode attempt number the public events can carry: no attempt is issued past it. */
export const LAST_TRANSCODE_ATTEMPT = AttemptSchema.maxValue ?? Number.MAX_SAFE_INTEGER;

/** `failedAttempt` counts within its round (1 for the round's first attempt). */
export const backoffAfter = (policy: RetryPolicy, failedAttempt: number): number => {
  const delays = policy.backoffSeconds;
  return delays[Math.min(failedAttempt, delays.length) - 1] ?? 0;
};

/**
 * Whether a round may try again: `ranAttempts` (its attempts that ran: 1 for the round's first) stays
 * under `maxAttempts`, and `notStartedAttempts` (its attempts that never began) under their own cap.
 */
export const canRetry = (policy: RetryPolicy, ranAttempts: number, notStartedAttempts = 0): boolean =>
  ranAttempts < policy.maxAttempts && notStartedAttempts < policy.maxNotStartedAttempts;
