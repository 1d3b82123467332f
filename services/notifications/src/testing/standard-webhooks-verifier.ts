// A receiver's verification written from the Standard Webhooks spec text alone (not from our signer):
// the secret is base64 after `whsec_`; sign "<id>.<timestamp>.<body>" with HMAC-SHA256; the header is a
// space-separated list of "<version>,<base64>"; compare v1 ones in constant time; refuse timestamps
// more than 5 minutes away from now.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class WebhookVerificationFailed extends Error {}

const TOLERANCE_SECONDS = 5 * 60;

export const verifyStandardWebhook = (secret: string, headers: Record<string, string | string[] | undefined>, body: string, now = new Date()): void => {
  const header = (name: string): string => {
    const value = headers[name];
    if (typeof value !== 'string' || value === '') throw new WebhookVerificationFailed(`missing ${name}`);
    return value;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationFailed('bad timestamp');
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > TOLERANCE_SECONDS) throw new WebhookVerificationFailed('timestamp outside tolerance');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signatures.split(' ').some((entry) => {
    const [version, encoded] = entry.split(',', 2);
    if (version !== 'v1' || !encoded) return false;
    const given = Buffer.from(encoded, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationFailed('no matching signature');
};
