// A rotation of the HS256 secret: MEDIAFLOW_JWT_PREVIOUS_SECRET is still accepted beside the new
// MEDIAFLOW_JWT_SECRET (which alone signs), so sessions in flight survive the switch; every other
// check (expiry, issuer, forgery) applies to a previous-secret token exactly as to a current one.
import request from 'supertest';
import { createTokenVerifier, loadAuthConfig } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, forgedToken, hsToken, SECRET } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const PREVIOUS = 'the-secret-before-the-rotation-32-bytes!';
const OTHER = 'a-secret-this-deployment-never-had-32b!!';

let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const appFor = (env: Record<string, string>) => makeApp(createTokenVerifier(loadAuthConfig(env)));
const whoami = (app: ReturnType<typeof makeApp>, token: string) => request(app).get('/v1/whoami').set(bearer(token));

describe('HS256 secret rotation', () => {
  const rotating = appFor({ MEDIAFLOW_JWT_SECRET: SECRET, MEDIAFLOW_JWT_PREVIOUS_SECRET: PREVIOUS });
  const finished = appFor({ MEDIAFLOW_JWT_SECRET: SECRET });

  it('accepts tokens signed with the current or the previous secret', async () => {
    const current = await whoami(rotating, await hsToken({ sub: 'user-new' }));
    const previous = await whoami(rotating, await hsToken({ sub: 'user-old', secret: PREVIOUS }));
    expect([current.status, current.body.ownerId]).toEqual([200, 'user-new']);
    expect([previous.status, previous.body.ownerId]).toEqual([200, 'user-old']);
  });

  it('refuses a token signed with any other secret, and a forged previous-secret token', async () => {
    const other = await whoami(rotating, await hsToken({ secret: OTHER }));
    expect([other.status, other.body.code]).toEqual([401, 'TOKEN_INVALID']);
    const forged = forgedToken(await hsToken({ secret: PREVIOUS, sub: 'user-old' }), { sub: 'admin' });
    const res = await whoami(rotating, forged);
    expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('says TOKEN_EXPIRED for an expired token signed with the previous secret', async () => {
    const res = await whoami(rotating, await hsToken({ secret: PREVIOUS, expiresIn: -60 }));
    expect([res.status, res.body.code]).toEqual([401, 'TOKEN_EXPIRED']);
  });

  it('refuses previous-secret tokens once the rotation is finished', async () => {
    const res = await whoami(finished, await hsToken({ secret: PREVIOUS }));
    expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('refuses a previous secret too short to be one, at start', () => {
    expect(() => loadAuthConfig({ MEDIAFLOW_JWT_SECRET: SECRET, MEDIAFLOW_JWT_PREVIOUS_SECRET: 'short' })).toThrow(
      /MEDIAFLOW_JWT_PREVIOUS_SECRET/,
    );
  });
});
