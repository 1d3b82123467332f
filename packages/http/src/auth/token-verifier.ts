// Verifies a bearer JWT and turns it into a Principal, or throws the 401/503 problem that says why.
// One verifier per process; the JWKS variant caches the keys and refetches on an unknown `kid`.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { HttpProblem } from '../problems/http-problem';
import { type AuthConfig } from './auth-config';
import { isUsableOwnerId, type Principal, principalFromClaims } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

// Only asymmetric algorithms with a JWKS: an HS256 token signed with the public key must not pass.
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];
const CLOCK_TOLERANCE_SECONDS = 5;

export const bearerChallenge = (error?: string, description?: string): Record<string, string> => ({
  'www-authenticate': error
    ? `Bearer realm="mediaflow", error="${error}", error_description="${description ?? error}"`
    : 'Bearer realm="mediaflow"',
});

export const tokenProblem = (code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED', detail: string, cause?: unknown): HttpProblem =>
  new HttpProblem({ code, detail, headers: bearerChallenge('invalid_token', detail), cause });

// The key set could not be fetched: the token may be fine, the caller should retry, not re-login.
const isKeySetUnavailable = (error: unknown): boolean =>
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC') ||
  !(error instanceof errors.JOSEError);

const toAuthProblem = (error: unknown, kind: AuthConfig['kind']): Error => {
  if (error instanceof errors.JWTExpired) return tokenProblem('TOKEN_EXPIRED', 'the token has expired', error);
  if (kind === 'jwks' && isKeySetUnavailable(error)) {
    return new HttpProblem({ code: 'AUTH_UNAVAILABLE', detail: 'the signing keys could not be fetched; retry shortly', headers: { 'retry-after': '5' }, cause: error });
  }
  if (error instanceof errors.JOSEError) return tokenProblem('TOKEN_INVALID', 'the token is malformed, forged, or not for this service', error);
  return error instanceof Error ? error : new Error(String(error));
};

const verifyOptions = (config: AuthConfig, algorithms: string[]): JWTVerifyOptions => {
  const options: JWTVerifyOptions = { algorithms, requiredClaims: ['sub', 'exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS };
  if (config.issuer !== undefined) options.issuer = config.issuer;
  if (config.audience !== undefined) options.audience = config.audience;
  return options;
};

const makeCheck = (config: AuthConfig): ((token: string) => Promise<JWTPayload>) => {
  if (config.kind === 'hs256') {
    // The current secret first; during a rotation the previous one still verifies (never signs).
    const keys = [config.secret, ...(config.previousSecrets ?? [])].map((s) => new TextEncoder().encode(s));
    const options = verifyOptions(config, ['HS256']);
    return async (token) => {
      for (const [index, key] of keys.entries()) {
        try {
          return (await jwtVerify(token, key, options)).payload;
        } catch (error) {
          const wrongKey = error instanceof errors.JWSSignatureVerificationFailed;
          if (!wrongKey || index === keys.length - 1) throw error;
        }
      }
      throw new Error('unreachable: no HS256 key configured');
    };
  }
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  const options = verifyOptions(config, JWKS_ALGORITHMS);
  return async (token) => (await jwtVerify(token, keys, options)).payload;
};

export const createTokenVerifier = (config: AuthConfig): TokenVerifier => {
  const check = makeCheck(config);
  return {
    async verify(token) {
      let claims: JWTPayload;
      try {
        claims = await check(token);
      } catch (error) {
        throw toAuthProblem(error, config.kind);
      }
      if (!claims.sub || !isUsableOwnerId(claims.sub)) throw tokenProblem('TOKEN_INVALID', 'the token subject is not a usable owner id');
      return principalFromClaims(claims, config.adminClaim);
    },
  };
};
