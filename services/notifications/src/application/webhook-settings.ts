// What the application layer is configured with (the composition root reads it from the environment),
// and the randomness it draws, passed in so tests can fix it.
import type { DisablePolicy } from '../domain/endpoint-health';
import type { RetryPolicy } from '../domain/retry-policy';
import type { WebhookUrlPolicy } from '../domain/webhook-url-policy';

export interface WebhookSettings {
  readonly urlPolicy: WebhookUrlPolicy;
  readonly maxSubscriptionsPerOwner: number;
  readonly retry: RetryPolicy;
  readonly disable: DisablePolicy;
  /** Whole-request deadline of one delivery attempt. */
  readonly timeoutMs: number;
}

export interface Entropy {
  bytes(size: number): Uint8Array;
  /** A number in [0, 1), for retry jitter. */
  fraction(): number;
}
