// Bearer auth with an HS256 secret (the embedded mode): every way a token can be wrong is a 401 with
// its own code and an RFC 6750 challenge; a good token becomes the principal.
import request from 'supertest';
import { type AuthConfig, createTokenVerifier, issueDevelopmentToken } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, forgedToken, hsToken, SECRET, unsignedToken } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const config: AuthConfig = { kind: 'hs256', secret: SECRET, adminClaim: 'roles', issuer: 'mediaflow-test', audience: ['mediaflow'] };
const app = makeApp(createTokenVerifier(config));
const good = { issuer: 'mediaflow-test', audience: 'mediaflow' };
let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const whoami = (headers: Record<string, string>) => request(app).get('/v1/whoami').set(headers);

const expect401 = (res: request.Response, code: string, challenge: RegExp) => {
  expect(res.status).toBe(401);
  expect(res.body.code).toBe(code);
  expect(res.headers['www-authenticate']).toMatch(challenge);
};

describe('bearer authentication (HS256)', () => {
  it('turns a valid token into the principal', async () => {
    const res = await whoami(bearer(await hsToken({ ...good, sub: 'user-42' })));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ownerId: 'user-42', isAdmin: false });
    expect(logs.lines.find((l) => l.message === 'http request')).toMatchObject({ ownerId: 'user-42', status: 200 });
  });

  it('answers a missing token with TOKEN_MISSING and a bare challenge', async () => {
    expect401(await whoami({}), 'TOKEN_MISSING', /^Bearer realm="mediaflow"$/);
    expect401(await whoami({ authorization: 'Basic dXNlcjpwYXNz' }), 'TOKEN_MISSING', /^Bearer realm/);
    expect401(await whoami({ authorization: 'Bearer ' }), 'TOKEN_MISSING', /^Bearer realm/);
  });

  it('answers an expired token with TOKEN_EXPIRED', async () => {
    expect401(await whoami(bearer(await hsToken({ ...good, expiresIn: -60 }))), 'TOKEN_EXPIRED', /error="invalid_token"/);
  });

  it('answers a forged signature, alg none, a wrong secret or garbage with TOKEN_INVALID', async () => {
    const valid = await hsToken({ ...good, sub: 'user-1' });
    const attempts = [
      forgedToken(valid, { sub: 'user-2', iss: good.issuer, aud: good.audience }),
      unsignedToken({ sub: 'user-2', iss: good.issuer, aud: good.audience }),
      await hsToken({ ...good, secret: 'another-secret-also-thirty-two-bytes-long' }),
      'not-a-jwt',
      'a.b.c',
      'has spaces inside',
    ];
    for (const token of attempts) expect401(await whoami(bearer(token)), 'TOKEN_INVALID', /error="invalid_token"/);
  });

  it('checks issuer, audience, and that sub and exp are present and sane', async () => {
    const bad = [
      await hsToken({ ...good, issuer: 'someone-else' }),
      await hsToken({ ...good, audience: 'another-api' }),
      await hsToken({ ...good, sub: '' }),
      await hsToken({ ...good, sub: '../etc/passwd' }),
    ];
    for (const token of bad) expect401(await whoami(bearer(token)), 'TOKEN_INVALID', /invalid_token/);
  });

  it('opens an admin route to the admin role only', async () => {
    const user = await request(app).get('/v1/admin/stats').set(bearer(await hsToken(good)));
    expect(user.status).toBe(403);
    expect(user.body.code).toBe('FORBIDDEN');
    expect(user.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);

    const roles = await hsToken({ ...good, claims: { roles: ['viewer', 'admin'] } });
    expect((await request(app).get('/v1/admin/stats').set(bearer(roles))).body).toEqual({ uploads: 3 });
    const cognito = await hsToken({ ...good, claims: { 'cognito:groups': ['admin'] } });
    expect((await request(app).get('/v1/admin/stats').set(bearer(cognito))).status).toBe(200);
  });

  it('reads the admin role from the configured claim', async () => {
    const custom = makeApp(createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'https://mediaflow/roles' }));
    const token = await hsToken({ claims: { 'https://mediaflow/roles': 'reader admin' } });
    expect((await request(custom).get('/v1/whoami').set(bearer(token))).body.isAdmin).toBe(true);
    expect((await request(custom).get('/v1/whoami').set(bearer(await hsToken({ claims: { roles: ['admin'] } })))).body.isAdmin).toBe(false);
  });

  it('accepts ?access_token= only where a raw route allows it', async () => {
    const token = await hsToken(good);
    expect((await request(app).get(`/v1/whoami?access_token=${token}`)).status).toBe(401);
    const events = await request(app).get(`/v1/events?access_token=${token}`).buffer(true).parse((res, done) => {
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n\n')) (res as unknown as { destroy(): void }).destroy();
      });
      res.on('close', () => done(null, text));
    });
    expect(events.status).toBe(200);
    expect(events.body).toContain('event: hello');
    // the token never reaches the access log
    expect(JSON.stringify(logs.lines)).not.toContain(token);
  });

  it('issues development tokens the verifier accepts', async () => {
    const token = await issueDevelopmentToken({ secret: SECRET, sub: 'dev-user', admin: true, ttlSeconds: 60, ...good });
    expect((await request(app).get('/v1/whoami').set(bearer(token))).body).toEqual({ ownerId: 'dev-user', isAdmin: true });
    await expect(issueDevelopmentToken({ secret: 'short', sub: 'dev', ttlSeconds: 60 })).rejects.toThrow(/32 bytes/);
  });
});
