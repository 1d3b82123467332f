// How often and how late a retryable failure is tried again. Config, passed into the decider.
// Attempts count within a retry round: the first round starts with the job, and each retry of a failed
// job by its owner starts a new one (see job-decide-retry.ts). A transcode attempt interrupted by the
// platform rather than failed by its media — RUNNER_NOT_STARTED (lost or dropped before its runner
// began, e.g. queued when the process was killed) or RUNNER_HOST_RESTARTED (its runner was running in
// the embedded process when that process was killed) — does not count against `maxAttempts`, only
// against its own, larger cap, so a crash loop still ends.
import { AttemptSchema } from '@mediaflow/contracts';

export interface RetryPolicy {
  /** Attempts in a round, the first included (3: one try and two retries). */
  readonly maxAttempts: number;
  /** Wait before attempt n+1 of a round after its attempt n failed: index n-1; the last value repeats. */
  readonly backoffSeconds: readonly number[];
  /**
   * Transcode attempts in a round that may end interrupted (RUNNER_NOT_STARTED, RUNNER_HOST_RESTARTED,
   * RUNNER_INTERRUPTED).
   * Each restart of the embedded process costs every queued or running job one: 20 outlasts a crash
   * loop of a few minutes (with the default backoff, ~13 min) and still ends one that never stops.
   */
  readonly maxInterruptedAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 20 };

/** TranscodeFailed's codes (processing's runner-report.ts, runner-watchdog.ts) for an attempt the platform interrupted. */
export const INTERRUPTED_CODES: ReadonlySet<string> = new Set([
  'RUNNER_NOT_STARTED', // its runner never began: it did no work
  'RUNNER_HOST_RESTARTED', // its runner ran in a process restarted (kill -9) before it reported a result
  'RUNNER_INTERRUPTED', // its runner was stopped under it (a graceful stop of the process, a task stopped by ECS)
]);

/** Whether a transcode failure was an interruption, not the media's fault, so the retry policy does not count it as an attempt. */
export const interrupted = (failure: { readonly code: string; readonly retryable: boolean }): boolean =>
  failure.retryable && INTERRUPTED_CODES.has(failure.code);

/** The highest transcode attempt number the public events can carry: no attempt is issued past it. */
export const LAST_TRANSCODE_ATTEMPT = AttemptSchema.maxValue ?? Number.MAX_SAFE_INTEGER;

/** `failedAttempt` counts within its round (1 for the round's first attempt). */
export const backoffAfter = (policy: RetryPolicy, failedAttempt: number): number => {
  const delays = policy.backoffSeconds;
  return delays[Math.min(failedAttempt, delays.length) - 1] ?? 0;
};

/**
 * Whether a round may try again: `countedAttempts` (1 for the round's first) stays under `maxAttempts`,
 * and `interruptedAttempts` (its attempts the platform interrupted) under their own cap.
 */
export const canRetry = (policy: RetryPolicy, countedAttempts: number, interruptedAttempts = 0): boolean =>
  countedAttempts < policy.maxAttempts && interruptedAttempts < policy.maxInterruptedAttempts;
