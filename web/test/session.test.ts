// What the UI reads from a bearer token: owner, admin role and expiry (display only: the API
// verifies signatures). Tokens are built here; none is signed.
import { sessionOf } from '../app/session';

// Node 20 has atob; older runtimes get the same latin-1 decoding the browser does.
globalThis.atob ??= (data: string): string => Buffer.from(data, 'base64').toString('latin1');

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>): string => `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('sessionOf', () => {
  it('reads the owner, the expiry and an admin role from a roles array', () => {
    const exp = inAnHour();
    const token = jwt({ sub: 'alice', roles: ['user', 'admin'], exp });
    expect(sessionOf(token)).toEqual({ token, owner: 'alice', admin: true, expiresAt: new Date(exp * 1000) });
  });

  it('reads roles as a space-separated string', () => {
    expect(sessionOf(jwt({ sub: 'a', roles: 'user admin' }))).toMatchObject({ admin: true });
    expect(sessionOf(jwt({ sub: 'a', roles: 'administrator user' }))).toMatchObject({ admin: false });
  });

  it('reads Cognito groups as roles', () => {
    expect(sessionOf(jwt({ sub: 'a', 'cognito:groups': ['admin'] }))).toMatchObject({ admin: true });
    expect(sessionOf(jwt({ sub: 'a', 'cognito:groups': 'admin' }))).toMatchObject({ admin: true });
  });

  it('is not admin without an admin role, whatever else the token carries', () => {
    expect(sessionOf(jwt({ sub: 'a', roles: ['user'], scope: 'admin' }))).toMatchObject({ owner: 'a', admin: false });
    expect(sessionOf(jwt({ sub: 'a', roles: { admin: true } }))).toMatchObject({ admin: false });
  });

  it('has no expiry when the token has no numeric exp, and an unknown owner without sub', () => {
    const session = sessionOf(jwt({ exp: 'tomorrow' }));
    expect(session).toEqual({ token: expect.any(String), owner: 'unknown', admin: false });
  });

  it('refuses an expired token, saying when it expired', () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    expect(sessionOf(jwt({ sub: 'a', exp }))).toBe(`That token expired at ${new Date(exp * 1000).toLocaleString()}.`);
  });

  it('refuses something that is not a JWT', () => {
    for (const token of ['', 'hello', 'a.b', 'a.b.c.d']) expect(sessionOf(token)).toBe('That is not a token: a JWT has three dot-separated parts.');
  });

  it('refuses a payload that is not base64url JSON', () => {
    const unreadable = 'That token cannot be read: its payload is not base64url JSON.';
    expect(sessionOf('aGVhZGVy.!!!not-base64!!!.c2ln')).toBe(unreadable);
    expect(sessionOf(`aGVhZGVy.${Buffer.from('not json').toString('base64url')}.c2ln`)).toBe(unreadable);
    expect(sessionOf(`aGVhZGVy.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c2ln`)).toBe(unreadable);
  });

  it('strips a "Bearer " prefix and surrounding whitespace, keeping the bare token', () => {
    const token = jwt({ sub: 'alice' });
    expect(sessionOf(`Bearer ${token}`)).toMatchObject({ token, owner: 'alice' });
    expect(sessionOf(`  bearer   ${token}\n`)).toMatchObject({ token, owner: 'alice' });
  });

  it('decodes base64url (- and _, no padding) and UTF-8 in the payload', () => {
    const dash = jwt({ sub: 'zoë~~~?' });
    const underscore = jwt({ sub: 'user-~?' });
    expect(dash.split('.')[1]).toContain('-');
    expect(underscore.split('.')[1]).toContain('_');
    expect(sessionOf(dash)).toMatchObject({ owner: 'zoë~~~?' });
    expect(sessionOf(underscore)).toMatchObject({ owner: 'user-~?' });
  });
});
