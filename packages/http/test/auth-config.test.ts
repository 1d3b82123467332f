// The auth settings read from the environment: exactly one verification method, secrets long enough,
// key sets only over https (or the loopback).
import { SignJWT } from 'jose';
import request from 'supertest';
import { AuthConfigSchema, createTokenVerifier, loadAuthConfig } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, SECRET } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

describe('AuthConfig from the environment', () => {
  it('reads an HS256 secret with issuer, audience list and admin claim', () => {
    expect(
      loadAuthConfig({ MEDIAFLOW_JWT_SECRET: SECRET, MEDIAFLOW_JWT_ISSUER: 'me', MEDIAFLOW_JWT_AUDIENCE: 'api, web', MEDIAFLOW_ADMIN_CLAIM: 'groups' }),
    ).toEqual({ kind: 'hs256', secret: SECRET, issuer: 'me', audience: ['api', 'web'], adminClaim: 'groups' });
  });

  it('reads a JWKS URL, defaulting the admin claim to roles', () => {
    const url = 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json';
    expect(loadAuthConfig({ MEDIAFLOW_JWKS_URL: url })).toEqual({ kind: 'jwks', jwksUrl: url, adminClaim: 'roles' });
  });

  it.each([
    ['no method', {}],
    ['both methods', { MEDIAFLOW_JWT_SECRET: SECRET, MEDIAFLOW_JWKS_URL: 'https://idp.example/jwks.json' }],
    ['a short secret', { MEDIAFLOW_JWT_SECRET: 'too-short' }],
    ['a key set over plain http', { MEDIAFLOW_JWKS_URL: 'http://idp.example/jwks.json' }],
    ['an empty audience', { MEDIAFLOW_JWT_SECRET: SECRET, MEDIAFLOW_JWT_AUDIENCE: ' , ' }],
  ])('refuses %s, naming the variable', (_name, env) => {
    expect(() => loadAuthConfig(env)).toThrow(/CONFIGURATION|MEDIAFLOW_/);
    expect(AuthConfigSchema.safeParse(env).success).toBe(false);
  });

  it('accepts a key set over http on the loopback (tests, a local IdP)', () => {
    expect(AuthConfigSchema.parse({ MEDIAFLOW_JWKS_URL: 'http://127.0.0.1:9999/jwks.json' }).kind).toBe('jwks');
  });
});

describe('token claims', () => {
  let logs: CapturedLogs;
  beforeEach(() => {
    logs = captureLogs();
  });
  afterEach(() => logs.restore());

  it('refuses a token without an expiry', async () => {
    const app = makeApp(createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }));
    const eternal = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('owner-1').sign(new TextEncoder().encode(SECRET));
    const res = await request(app).get('/v1/whoami').set(bearer(eternal));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });
});
