// Webhook signing secrets and subscription ids, formatted from random bytes the caller supplies (the
// domain draws no randomness). Secrets follow the Standard Webhooks serialisation: `whsec_` + base64.
const SECRET_PREFIX = 'whsec_';
/** The spec asks for 24 to 64 bytes; 32 is HMAC-SHA256's block-free sweet spot. */
export const SECRET_BYTES = 32;
const SUBSCRIPTION_ID_PREFIX = 'wh_';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const formatSecret = (bytes: Uint8Array): string => {
  if (bytes.length < 24 || bytes.length > 64) throw new RangeError(`a webhook secret needs 24 to 64 bytes, got ${bytes.length}`);
  return SECRET_PREFIX + Buffer.from(bytes).toString('base64');
};

/** The key bytes of a `whsec_` secret (a bare base64 secret is accepted too, as the spec's libraries do). */
export const secretKey = (secret: string): Buffer => {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new RangeError('the webhook secret is empty');
  return key;
};

/** `wh_` + 26 Crockford base32 characters from 17 random bytes (130 bits, like the upload ids). */
export const formatSubscriptionId = (bytes: Uint8Array): string => {
  if (bytes.length < 17) throw new RangeError('a subscription id needs 17 random bytes');
  let bits = 0n;
  for (const byte of bytes.subarray(0, 17)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = (CROCKFORD[Number(bits & 31n)] ?? '0') + out;
    bits >>= 5n;
  }
  return SUBSCRIPTION_ID_PREFIX + out;
};

export const SUBSCRIPTION_ID_PATTERN = /^wh_[0-9A-HJKMNP-TV-Z]{26}$/;
