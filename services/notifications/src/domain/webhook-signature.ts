// The Standard Webhooks signature: base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>"))
// sent as `v1,<signature>`. The body must be signed byte for byte as it is sent.
import { createHmac } from 'node:crypto';
import { secretKey } from './webhook-secret';

type SignedWebhookHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

export const signWebhook = (secret: string, id: string, timestampSeconds: number, body: string): string =>
  `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8').digest('base64')}`;

/** The three headers for one attempt; the timestamp is the attempt's time, not the event's. */
export const webhookHeaders = (secret: string, id: string, attemptAt: Date, body: string): SignedWebhookHeaders => {
  const timestamp = Math.floor(attemptAt.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
};
