// HMAC-SHA256 over a purpose-labelled message, and a constant-time comparison: every signed blob URL
// (PUT, part, prefix token) is checked through these two functions only.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Below this the secret is guessable offline from any URL we hand out. */
const MIN_SIGNING_SECRET_BYTES = 32;

export const assertSigningSecret = (secret: string): void => {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SIGNING_SECRET_BYTES) {
    throw new Error(`the URL signing secret must be at least ${MIN_SIGNING_SECRET_BYTES} bytes`);
  }
};

/**
 * The fields are joined with a newline, which no field may contain (keys and content types cannot):
 * that keeps "a|b" + "c" and "a" + "b|c" from signing the same message.
 */
export const hmac = (secret: string, fields: readonly (string | number)[]): Buffer => {
  const parts = fields.map(String);
  if (parts.some((p) => p.includes('\n'))) throw new Error('a signed field contains a newline');
  return createHmac('sha256', secret).update(parts.join('\n')).digest();
};

export const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * The secrets a URL may be signed with: the current one (which signs) first, then the previous one
 * during a rotation, so links handed out before the switch keep working until they expire.
 */
export type VerificationSecrets = readonly [current: string, ...previous: string[]];

export const verificationSecrets = (current: string, previous: readonly string[] = []): VerificationSecrets => {
  for (const secret of [current, ...previous]) assertSigningSecret(secret);
  return [current, ...previous.filter((p) => p !== current)];
};

/** True when `given` is the MAC of any of the secrets (each compared in constant time). */
export const signedByAny = (secrets: VerificationSecrets, given: Buffer, macOf: (secret: string) => Buffer): boolean =>
  secrets.map((secret) => sameBytes(given, macOf(secret))).some(Boolean);

export const toBase64Url = (bytes: Buffer): string => bytes.toString('base64url');

/** Strict: only the base64url alphabet, so a mangled token fails before any HMAC is computed. */
export const fromBase64Url = (text: string): Buffer | undefined =>
  /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, 'base64url') : undefined;
