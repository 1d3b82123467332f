// Our signer against the Standard Webhooks spec's published test vector (libraries/javascript,
// "sign function works") and against a verifier written independently from the spec text.
import { formatSecret, formatSubscriptionId, secretKey, SUBSCRIPTION_ID_PATTERN } from '../../src/domain/webhook-secret';
import { signWebhook, webhookHeaders } from '../../src/domain/webhook-signature';
import { serialisePayload, webhookIdOf } from '../../src/domain/notification-payload';
import { verifyStandardWebhook, WebhookVerificationFailed } from '../../src/testing';

describe('Standard Webhooks signature', () => {
  it('matches the spec test vector', () => {
    const signature = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('produces headers an independent verifier accepts, and that fail once anything changes', () => {
    const secret = formatSecret(Buffer.alloc(32, 7));
    const body = serialisePayload({ type: 'JobCompleted', timestamp: '2026-11-25T12:00:00.000Z', version: 1, data: { jobId: 'job_1' } });
    const now = new Date();
    const headers = webhookHeaders(secret, 'evt-1', now, body);
    expect(() => verifyStandardWebhook(secret, headers, body, now)).not.toThrow();
    expect(() => verifyStandardWebhook(secret, headers, body.replace('job_1', 'job_2'), now)).toThrow(WebhookVerificationFailed);
    expect(() => verifyStandardWebhook(secret, { ...headers, 'webhook-id': 'evt-2' }, body, now)).toThrow(WebhookVerificationFailed);
    expect(() => verifyStandardWebhook(formatSecret(Buffer.alloc(32, 8)), headers, body, now)).toThrow(WebhookVerificationFailed);
    expect(() => verifyStandardWebhook(secret, headers, body, new Date(now.getTime() + 6 * 60_000))).toThrow(WebhookVerificationFailed);
  });

  it('formats secrets as whsec_ + base64 of 24 to 64 bytes and reads the key back', () => {
    const secret = formatSecret(Buffer.alloc(32, 1));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(secret)).toEqual(Buffer.alloc(32, 1));
    expect(() => formatSecret(Buffer.alloc(16))).toThrow(RangeError);
  });

  it('makes subscription ids of 26 Crockford base32 characters', () => {
    expect(formatSubscriptionId(Buffer.alloc(17, 0xff))).toMatch(SUBSCRIPTION_ID_PATTERN);
    expect(formatSubscriptionId(Buffer.alloc(17, 0))).toBe('wh_00000000000000000000000000');
  });

  it('keeps event ids as webhook ids, and replaces unsafe ones by a stable digest without dots', () => {
    expect(webhookIdOf('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    const replaced = webhookIdOf('evt.with.dots');
    expect(replaced).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(webhookIdOf('evt.with.dots')).toBe(replaced);
  });
});
