// Mints an HS256 token for the embedded mode, so `npm start` can print one a person can paste into
// curl. Never used on AWS, where the identity provider issues tokens.
import { SignJWT } from 'jose';
import { MIN_SECRET_BYTES } from './auth-config';
import { ADMIN_ROLE, isUsableOwnerId } from './principal';

interface DevelopmentTokenOptions {
  secret: string;
  sub: string;
  admin?: boolean;
  ttlSeconds: number;
  issuer?: string;
  audience?: string;
  /** Must match MEDIAFLOW_ADMIN_CLAIM; defaults to `roles`. */
  adminClaim?: string;
}

export const issueDevelopmentToken = async (options: DevelopmentTokenOptions): Promise<string> => {
  if (Buffer.byteLength(options.secret, 'utf8') < MIN_SECRET_BYTES) throw new Error(`the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  if (!isUsableOwnerId(options.sub)) throw new Error(`"${options.sub}" is not a usable owner id`);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ [options.adminClaim ?? 'roles']: options.admin ? [ADMIN_ROLE] : [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + options.ttlSeconds);
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
};
