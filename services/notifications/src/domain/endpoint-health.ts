// When a subscription is disabled for sustained failure: its endpoint has failed at least N attempts
// in a row (any message) and has been failing for at least D seconds. Both, so a burst of failures
// in a minute does not disable it, and neither does one slow message retried over hours.
export interface EndpointHealth {
  readonly consecutiveFailures: number;
  /** The first failed attempt of the current streak; null when the last attempt succeeded. */
  readonly failingSince: Date | null;
}

export interface DisablePolicy {
  readonly afterConsecutiveFailures: number;
  readonly afterFailingSeconds: number;
}

/** 10 failed attempts in a row over at least 24 hours. */
export const DEFAULT_DISABLE_POLICY: DisablePolicy = { afterConsecutiveFailures: 10, afterFailingSeconds: 24 * 3600 };

export const HEALTHY: EndpointHealth = { consecutiveFailures: 0, failingSince: null };

export const nextHealth = (health: EndpointHealth, succeeded: boolean, attemptAt: Date): EndpointHealth =>
  succeeded ? HEALTHY : { consecutiveFailures: health.consecutiveFailures + 1, failingSince: health.failingSince ?? attemptAt };

export const isSustainedFailure = (health: EndpointHealth, now: Date, policy: DisablePolicy): boolean =>
  health.failingSince !== null &&
  health.consecutiveFailures >= policy.afterConsecutiveFailures &&
  now.getTime() - health.failingSince.getTime() >= policy.afterFailingSeconds * 1000;
