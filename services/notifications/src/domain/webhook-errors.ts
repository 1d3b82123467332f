// The typed refusals of the webhook domain. Each has a stable `code` the HTTP layer maps to a
// problem+json status in one place (adapters/http/problem-codes); messages are safe to show.

abstract class WebhookError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Unknown id, deleted, or another owner's: all answer the same, so ids cannot be probed. */
export class WebhookNotFound extends WebhookError {
  readonly code = 'WEBHOOK_NOT_FOUND';
  override readonly name = 'WebhookNotFound';
  constructor(readonly subscriptionId: string) {
    super(`webhook ${subscriptionId} does not exist`);
  }
}

export class WebhookUrlInvalid extends WebhookError {
  readonly code = 'WEBHOOK_URL_INVALID';
  override readonly name = 'WebhookUrlInvalid';
}

/** Plain http to a non-loopback host: payloads and signatures would travel in clear. */
export class WebhookUrlNotHttps extends WebhookError {
  readonly code = 'WEBHOOK_URL_NOT_HTTPS';
  override readonly name = 'WebhookUrlNotHttps';
}

/** A loopback, private, link-local or otherwise internal address: refused against SSRF. */
export class WebhookUrlForbidden extends WebhookError {
  readonly code = 'WEBHOOK_URL_FORBIDDEN';
  override readonly name = 'WebhookUrlForbidden';
}

export class WebhookEventTypeUnknown extends WebhookError {
  readonly code = 'WEBHOOK_EVENT_TYPE_UNKNOWN';
  override readonly name = 'WebhookEventTypeUnknown';
  constructor(
    readonly unknownTypes: readonly string[],
    known: readonly string[],
  ) {
    super(`unknown event type(s) ${unknownTypes.join(', ')}; known: ${known.join(', ')} or "*"`);
  }
}

export class WebhookLimitReached extends WebhookError {
  readonly code = 'WEBHOOK_LIMIT_REACHED';
  override readonly name = 'WebhookLimitReached';
  constructor(readonly limit: number) {
    super(`an owner can have at most ${limit} webhooks; delete one first`);
  }
}

/** A create command for an id that already has a stream: a generated id collided (or a bug). */
export class WebhookAlreadyExists extends WebhookError {
  readonly code = 'WEBHOOK_ALREADY_EXISTS';
  override readonly name = 'WebhookAlreadyExists';
  constructor(readonly subscriptionId: string) {
    super(`webhook ${subscriptionId} already exists`);
  }
}

export const WEBHOOK_ERROR_CODES = [
  'WEBHOOK_NOT_FOUND',
  'WEBHOOK_URL_INVALID',
  'WEBHOOK_URL_NOT_HTTPS',
  'WEBHOOK_URL_FORBIDDEN',
  'WEBHOOK_EVENT_TYPE_UNKNOWN',
  'WEBHOOK_LIMIT_REACHED',
  'WEBHOOK_ALREADY_EXISTS',
] as const;

export const isWebhookError = (error: unknown): error is WebhookError => error instanceof WebhookError;
export const isWebhookNotFound = (error: unknown): error is WebhookNotFound => error instanceof WebhookNotFound;
