// What happens after one delivery attempt, per the Standard Webhooks guidance: 2xx delivered, 410 Gone
// disables the subscription, anything else (3xx, 4xx, 5xx, timeouts, network errors) is retried on an
// exponential schedule with jitter, never sooner than a Retry-After asks, until attempts run out.

export interface RetryPolicy {
  /** Delay before attempt 2, 3, …; the last delay repeats when maxAttempts is larger. */
  readonly delaysSeconds: readonly number[];
  /** Attempts per message, the first included. */
  readonly maxAttempts: number;
  /** A Retry-After above this is capped (a receiver cannot park a message for days). */
  readonly maxRetryAfterSeconds: number;
  /** Each delay is spread by ± this fraction so retries of a burst do not arrive together. */
  readonly jitterFraction: number;
}

/** 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, 24 h: 10 attempts over about two days. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysSeconds: [5, 30, 120, 600, 3600, 10800, 21600, 43200, 86400],
  maxAttempts: 10,
  maxRetryAfterSeconds: 6 * 3600,
  jitterFraction: 0.1,
};

export type AttemptErrorCode = 'TIMEOUT' | 'NETWORK_ERROR' | 'ADDRESS_FORBIDDEN' | 'TLS_ERROR';

export type AttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'error'; readonly code: AttemptErrorCode; readonly message: string };

export type AttemptVerdict =
  | { readonly outcome: 'delivered' }
  | { readonly outcome: 'retry'; readonly nextAttemptAt: Date }
  /** Attempts exhausted: the message is given up. */
  | { readonly outcome: 'failed' }
  /** 410 Gone: the receiver asked to stop; the message is given up and the subscription disabled. */
  | { readonly outcome: 'gone' };

const isSuccess = (result: AttemptResult): boolean => result.kind === 'response' && result.status >= 200 && result.status < 300;

const delayFor = (attempt: number, policy: RetryPolicy): number => {
  const delays = policy.delaysSeconds;
  return delays[Math.min(attempt - 1, delays.length - 1)] ?? 60;
};

/**
 * @param attempt the attempt just made, from 1
 * @param random a number in [0, 1) for the jitter (0.5 = none), drawn by the caller
 */
export const planNextAttempt = (result: AttemptResult, attempt: number, now: Date, policy: RetryPolicy, random: number): AttemptVerdict => {
  if (isSuccess(result)) return { outcome: 'delivered' };
  if (result.kind === 'response' && result.status === 410) return { outcome: 'gone' };
  if (attempt >= policy.maxAttempts) return { outcome: 'failed' };
  const jittered = delayFor(attempt, policy) * (1 + policy.jitterFraction * (2 * random - 1));
  const asked = result.kind === 'response' ? Math.min(result.retryAfterSeconds ?? 0, policy.maxRetryAfterSeconds) : 0;
  const seconds = Math.max(jittered, asked, 0);
  return { outcome: 'retry', nextAttemptAt: new Date(now.getTime() + Math.round(seconds * 1000)) };
};
