// Sends one signed webhook request and reports what came back, never throwing for a receiver's
// failure: timeouts, refused addresses and network errors are results the retry policy reads.
import type { AttemptResult } from '../domain/retry-policy';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  /** Loopback targets are allowed (embedded mode); other internal addresses never are. */
  readonly allowLoopback: boolean;
  /** Aborts the request (shutdown); the caller then releases the delivery instead of settling it. */
  readonly signal?: AbortSignal;
}

export type SendResult = AttemptResult & {
  readonly durationMs: number;
  /** The start of the response body, for the delivery log (the receiver's own words on a failure). */
  readonly responseSnippet?: string;
};

export interface WebhookSender {
  send(request: WebhookRequest): Promise<SendResult>;
}
