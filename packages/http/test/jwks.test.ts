// Bearer auth through a JWKS URL (the AWS mode, e.g. Cognito), against a key server this test starts
// on the loopback: asymmetric tokens pass, HS256 and unsigned ones never do, an unreachable key set is
// a 503 rather than the caller's fault.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { createTokenVerifier } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, unsignedToken } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_test';
let server: Server;
let baseUrl: string;
let fetches = 0;
let rsaKey: CryptoKey;
let ecKey: CryptoKey;
let rsaPublicJwk: JWK;
let logs: CapturedLogs;

const sign = async (key: CryptoKey, alg: string, kid: string, claims: Record<string, unknown> = {}, expiresIn = 600) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setSubject('cognito-user-1')
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .sign(key);

beforeAll(async () => {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  rsaKey = rsa.privateKey;
  ecKey = ec.privateKey;
  rsaPublicJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
  const keys = [rsaPublicJwk, { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' }];
  server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    } else res.writeHead(500).end('down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const appFor = (path: string) =>
  makeApp(createTokenVerifier({ kind: 'jwks', jwksUrl: `${baseUrl}${path}`, issuer: ISSUER, adminClaim: 'roles' }));

describe('bearer authentication (JWKS)', () => {
  it('accepts RS256 and ES256 tokens from the key set, fetching it once', async () => {
    const app = appFor('/.well-known/jwks.json');
    const before = fetches;
    const rs = await request(app).get('/v1/whoami').set(bearer(await sign(rsaKey, 'RS256', 'rsa-1')));
    expect(rs.status).toBe(200);
    expect(rs.body).toEqual({ ownerId: 'cognito-user-1', isAdmin: false });
    expect((await request(app).get('/v1/whoami').set(bearer(await sign(ecKey, 'ES256', 'ec-1')))).status).toBe(200);
    expect(fetches - before).toBe(1);
  });

  it('treats Cognito group membership as the admin role', async () => {
    const app = appFor('/.well-known/jwks.json');
    const admin = await sign(rsaKey, 'RS256', 'rsa-1', { 'cognito:groups': ['admin'] });
    expect((await request(app).get('/v1/admin/stats').set(bearer(admin))).status).toBe(200);
    expect((await request(app).get('/v1/admin/stats').set(bearer(await sign(rsaKey, 'RS256', 'rsa-1')))).status).toBe(403);
  });

  it('refuses HS256 (even keyed with the public key), unsigned tokens and other keys', async () => {
    const app = appFor('/.well-known/jwks.json');
    const other = await generateKeyPair('RS256');
    const confusion = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('cognito-user-1')
      .setIssuer(ISSUER)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JSON.stringify(rsaPublicJwk)));
    const attempts = [confusion, unsignedToken({ sub: 'cognito-user-1', iss: ISSUER }), await sign(other.privateKey, 'RS256', 'rsa-1')];
    for (const token of attempts) {
      const res = await request(app).get('/v1/whoami').set(bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
  });

  it('answers an expired token with TOKEN_EXPIRED and a wrong issuer with TOKEN_INVALID', async () => {
    const app = appFor('/.well-known/jwks.json');
    const expired = await request(app).get('/v1/whoami').set(bearer(await sign(rsaKey, 'RS256', 'rsa-1', {}, -120)));
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setSubject('u').setIssuer('https://evil').setExpirationTime('5m').sign(rsaKey);
    expect((await request(app).get('/v1/whoami').set(bearer(foreign))).body.code).toBe('TOKEN_INVALID');
  });

  it('answers 503 AUTH_UNAVAILABLE when the key set cannot be fetched', async () => {
    const res = await request(appFor('/broken')).get('/v1/whoami').set(bearer(await sign(rsaKey, 'RS256', 'rsa-1')));
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('AUTH_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
    expect(logs.lines.some((l) => l.level === 'ERROR' && String(l.message).includes('AUTH_UNAVAILABLE'))).toBe(true);

    const refused = makeApp(createTokenVerifier({ kind: 'jwks', jwksUrl: 'http://127.0.0.1:1/jwks.json', adminClaim: 'roles' }));
    expect((await request(refused).get('/v1/whoami').set(bearer(await sign(rsaKey, 'RS256', 'rsa-1')))).status).toBe(503);
  });
});
