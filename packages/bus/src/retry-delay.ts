// Exponential backoff with "equal jitter", shared by publish retries and redelivery schedules.

/** Milliseconds to wait after the given failed attempt (1 = the first failure). */
export type RetryDelay = (attempt: number) => number;

interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** Spread retries of many consumers over time; off makes tests deterministic. */
  readonly jitter?: boolean;
}

export const exponentialBackoff =
  ({ baseMs = 1000, maxMs = 5 * 60_000, jitter = true }: BackoffOptions = {}): RetryDelay =>
  (attempt) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return jitter ? Math.round(ceiling / 2 + (Math.random() * ceiling) / 2) : ceiling;
  };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
