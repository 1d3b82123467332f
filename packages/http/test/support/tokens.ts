// Tokens for the auth tests: properly signed ones with any claims, and the classic attacks built by hand.
import { SignJWT } from 'jose';

export const SECRET = 'test-secret-of-at-least-thirty-two-bytes!';

interface TokenOptions {
  sub?: string;
  secret?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
}

export const hsToken = async (options: TokenOptions = {}): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(options.claims ?? {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now - 3600)
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.sub !== '') jwt.setSubject(options.sub ?? 'owner-1');
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
};

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** alg "none": no signature at all. */
export const unsignedToken = (claims: Record<string, unknown>): string =>
  `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.`;

/** A valid token whose payload was swapped after signing. */
export const forgedToken = (valid: string, claims: Record<string, unknown>): string => {
  const [header, , signature] = valid.split('.');
  return `${header}.${b64url({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.${signature}`;
};

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
