// How bearer tokens are verified, read from the environment: an HS256 secret (embedded) or a JWKS URL
// (AWS, e.g. Cognito), never both, so an asymmetric setup can never be fooled by an HS256 token.
import { z } from 'zod';
import { commaList, JwtSecretSettingsSchema, loadConfig, MIN_SECRET_BYTES, setting } from '@mediaflow/config';

export { MIN_SECRET_BYTES };

const isLoopback = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

// Keys fetched over plain HTTP could be swapped on the way: https, except on the loopback (tests).
const jwksUrlSchema = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}, 'must be an https URL (http only on the loopback)');

/** The raw variables, extendable by a service's own environment schema. */
export const AuthEnvironmentSchema = z.object({
  ...JwtSecretSettingsSchema.shape,
  MEDIAFLOW_JWKS_URL: setting(jwksUrlSchema, 'AWS: JWKS of the token issuer (e.g. Cognito), RS256/ES256; exactly one of this and MEDIAFLOW_JWT_SECRET').optional(),
  MEDIAFLOW_JWT_ISSUER: setting(z.string().min(1), "The tokens' required `iss`").optional(),
  MEDIAFLOW_JWT_AUDIENCE: setting(commaList({ nonEmpty: true }), "Comma-separated; the token's `aud` must contain one of them").optional(),
  MEDIAFLOW_ADMIN_CLAIM: setting(z.string().min(1), 'Claim holding the roles (`cognito:groups` is always read too)').default('roles'),
});

interface CommonAuthSettings {
  issuer?: string;
  audience?: string[];
  /** Claim holding the roles (array, or space-separated string); `cognito:groups` is always read too. */
  adminClaim: string;
}
export type AuthConfig =
  | (CommonAuthSettings & {
      kind: 'hs256';
      secret: string;
      /** Accepted, never used to sign: the secret before a rotation, until its tokens have expired. */
      previousSecrets?: readonly string[];
    })
  | (CommonAuthSettings & { kind: 'jwks'; jwksUrl: string });

export const AuthConfigSchema = AuthEnvironmentSchema.superRefine((env, ctx) => {
  const both = env.MEDIAFLOW_JWT_SECRET !== undefined && env.MEDIAFLOW_JWKS_URL !== undefined;
  const neither = env.MEDIAFLOW_JWT_SECRET === undefined && env.MEDIAFLOW_JWKS_URL === undefined;
  if (both || neither) {
    ctx.addIssue({ code: 'custom', path: ['MEDIAFLOW_JWT_SECRET'], message: 'set exactly one of MEDIAFLOW_JWT_SECRET (HS256) and MEDIAFLOW_JWKS_URL (RS256/ES256)' });
  }
}).transform((env): AuthConfig => {
  const common: CommonAuthSettings = { adminClaim: env.MEDIAFLOW_ADMIN_CLAIM };
  if (env.MEDIAFLOW_JWT_ISSUER !== undefined) common.issuer = env.MEDIAFLOW_JWT_ISSUER;
  if (env.MEDIAFLOW_JWT_AUDIENCE !== undefined) common.audience = env.MEDIAFLOW_JWT_AUDIENCE;
  return env.MEDIAFLOW_JWKS_URL !== undefined
    ? { ...common, kind: 'jwks', jwksUrl: env.MEDIAFLOW_JWKS_URL }
    : {
        ...common,
        kind: 'hs256',
        secret: env.MEDIAFLOW_JWT_SECRET ?? '',
        ...(env.MEDIAFLOW_JWT_PREVIOUS_SECRET !== undefined && { previousSecrets: [env.MEDIAFLOW_JWT_PREVIOUS_SECRET] }),
      };
});

/** Reads the auth settings; a bad or missing value stops start-up with a ConfigurationError. */
export const loadAuthConfig = (env: NodeJS.ProcessEnv): AuthConfig => loadConfig(AuthConfigSchema, env);
