// What follows an attempt: delivered, retried on the schedule (never before Retry-After), given up
// after the last attempt, or 410 Gone; and when a failure streak is long enough to disable.
import { DEFAULT_DISABLE_POLICY, HEALTHY, isSustainedFailure, nextHealth } from '../../src/domain/endpoint-health';
import { DEFAULT_RETRY_POLICY, planNextAttempt, type AttemptResult } from '../../src/domain/retry-policy';

const now = new Date('2026-11-25T12:00:00.000Z');
const policy = { ...DEFAULT_RETRY_POLICY, jitterFraction: 0 };
const status = (code: number, retryAfterSeconds?: number): AttemptResult => ({ kind: 'response', status: code, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
const delayOf = (verdict: ReturnType<typeof planNextAttempt>): number => (verdict.outcome === 'retry' ? (verdict.nextAttemptAt.getTime() - now.getTime()) / 1000 : NaN);

describe('retry policy', () => {
  it('counts any 2xx as delivered', () => {
    expect(planNextAttempt(status(200), 1, now, policy, 0.5)).toEqual({ outcome: 'delivered' });
    expect(planNextAttempt(status(204), 3, now, policy, 0.5)).toEqual({ outcome: 'delivered' });
  });

  it('gives up at once on 410 Gone', () => {
    expect(planNextAttempt(status(410), 1, now, policy, 0.5)).toEqual({ outcome: 'gone' });
  });

  it('retries 5xx, 429, 3xx, other 4xx, timeouts and network errors on the exponential schedule', () => {
    expect(delayOf(planNextAttempt(status(500), 1, now, policy, 0.5))).toBe(5);
    expect(delayOf(planNextAttempt(status(429), 2, now, policy, 0.5))).toBe(30);
    expect(delayOf(planNextAttempt(status(302), 3, now, policy, 0.5))).toBe(120);
    expect(delayOf(planNextAttempt(status(404), 4, now, policy, 0.5))).toBe(600);
    expect(delayOf(planNextAttempt({ kind: 'error', code: 'TIMEOUT', message: 'slow' }, 5, now, policy, 0.5))).toBe(3600);
    expect(delayOf(planNextAttempt({ kind: 'error', code: 'NETWORK_ERROR', message: 'reset' }, 9, now, policy, 0.5))).toBe(86400);
  });

  it('waits at least as long as Retry-After asks, capped', () => {
    expect(delayOf(planNextAttempt(status(503, 90), 1, now, policy, 0.5))).toBe(90);
    expect(delayOf(planNextAttempt(status(429, 1), 2, now, policy, 0.5))).toBe(30);
    expect(delayOf(planNextAttempt(status(503, 10 * 86400), 1, now, policy, 0.5))).toBe(policy.maxRetryAfterSeconds);
  });

  it('spreads delays by the jitter fraction', () => {
    const jittered = { ...DEFAULT_RETRY_POLICY, jitterFraction: 0.1 };
    expect(delayOf(planNextAttempt(status(500), 5, now, jittered, 0))).toBe(3240);
    expect(delayOf(planNextAttempt(status(500), 5, now, jittered, 0.999999))).toBeCloseTo(3960, 0);
  });

  it('gives the message up after the last attempt', () => {
    expect(planNextAttempt(status(500), policy.maxAttempts, now, policy, 0.5)).toEqual({ outcome: 'failed' });
  });
});

describe('endpoint health', () => {
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const fail = (times: number, everyMinutes: number) =>
    Array.from({ length: times }, (_, i) => at(i * everyMinutes)).reduce((h, t) => nextHealth(h, false, t), HEALTHY);

  it('starts a streak at the first failure and resets it on success', () => {
    const failing = nextHealth(nextHealth(HEALTHY, false, at(0)), false, at(5));
    expect(failing).toEqual({ consecutiveFailures: 2, failingSince: at(0) });
    expect(nextHealth(failing, true, at(6))).toEqual(HEALTHY);
  });

  it('disables only after enough failures over a long enough time', () => {
    const policy = { afterConsecutiveFailures: 5, afterFailingSeconds: 3600 };
    expect(isSustainedFailure(fail(50, 0), at(30), policy)).toBe(false);
    expect(isSustainedFailure(fail(2, 60), at(24 * 60), policy)).toBe(false);
    expect(isSustainedFailure(fail(5, 15), at(60), policy)).toBe(true);
    expect(isSustainedFailure(HEALTHY, at(10_000), DEFAULT_DISABLE_POLICY)).toBe(false);
  });
});
