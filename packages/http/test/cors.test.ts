// CORS on a real socket, for a web UI served from another origin: allowed origins are echoed with the
// headers a script may read, preflights are answered before auth, problems and SSE streams carry the
// headers too, and a disallowed origin simply gets none (the browser blocks, the server never errs).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createTokenVerifier, CorsOriginInvalid, CorsOriginsSchema, type HttpServerHandle, startHttpServer } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { bearer, hsToken, SECRET } from './support/tokens';
import { makeApp } from './support/uploads-fixture';

const UI = 'https://app.example.com';
const verifier = createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: it sends Origin and preflight headers exactly as given. */
const send = (base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

/** Resolves with the status and headers of a stream that never ends, then drops it. */
const openStream = (base: string, path: string, headers: Record<string, string>) =>
  new Promise<Omit<Answer, 'body'>>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      res.destroy();
    });
    req.on('error', reject);
    req.end();
  });

const corsHeaders = (headers: IncomingHttpHeaders) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));
const listOf = (value: string | string[] | undefined) => String(value ?? '').split(',').map((s) => s.trim().toLowerCase());

let logs: CapturedLogs;
let token: string;
let server: HttpServerHandle;
beforeAll(async () => {
  token = await hsToken();
  server = await startHttpServer(makeApp(verifier, { cors: { allowedOrigins: ['https://App.Example.com/', 'http://localhost:3000'] } }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('CORS for an allowed origin', () => {
  it('echoes the origin, varies on it, and exposes the headers the UI reads', async () => {
    const res = await send(server.url, 'GET', '/v1/whoami', { origin: UI, ...bearer(token) });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(listOf(res.headers['vary'])).toContain('origin');
    expect(listOf(res.headers['access-control-expose-headers'])).toEqual(expect.arrayContaining(['location', 'etag', 'retry-after', 'x-correlation-id']));
    expect(res.headers['access-control-allow-credentials']).toBeUndefined(); // bearer tokens, never cookies
  });

  it('exposes Location on a 202 so the UI can follow it', async () => {
    const res = await send(server.url, 'POST', '/v1/uploads/up_2/complete', { origin: 'http://localhost:3000', ...bearer(token) });
    expect(res.status).toBe(202);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['location']).toBe('/v1/uploads/up_2');
  });

  it('answers a preflight with 204 before auth: methods, headers and max-age, no body', async () => {
    const res = await send(server.url, 'OPTIONS', '/v1/uploads', {
      origin: UI,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, x-correlation-id',
    });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(listOf(res.headers['access-control-allow-methods'])).toEqual(['get', 'post', 'put', 'delete', 'options']);
    expect(listOf(res.headers['access-control-allow-headers'])).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'last-event-id', 'x-correlation-id']),
    );
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('answers a preflight to an admin route and to a path no router knows the same way', async () => {
    for (const path of ['/v1/admin/stats', '/v1/nothing-here']) {
      const res = await send(server.url, 'OPTIONS', path, { origin: UI, 'access-control-request-method': 'GET' });
      expect({ path, status: res.status, origin: res.headers['access-control-allow-origin'] }).toEqual({ path, status: 204, origin: UI });
    }
  });

  it.each([
    ['401 without a token', 'GET', '/v1/whoami', {}, undefined, 401, 'TOKEN_MISSING'],
    ['403 without the admin role', 'GET', '/v1/admin/stats', 'token', undefined, 403, 'FORBIDDEN'],
    ['404 on an unknown route', 'GET', '/v1/nothing-here', 'token', undefined, 404, 'ROUTE_NOT_FOUND'],
    ['400 on an invalid body', 'POST', '/v1/uploads', 'token', '{"filename":""}', 400, 'VALIDATION_FAILED'],
    ['409 from a domain error', 'POST', '/v1/uploads/up_done/complete', 'token', undefined, 409, 'UPLOAD_ALREADY_COMPLETED'],
    ['413 on a body over the limit', 'POST', '/v1/uploads', 'token', JSON.stringify({ filename: 'x'.repeat(2048) }), 413, 'BODY_TOO_LARGE'],
    ['500 on an unexpected error', 'GET', '/boom', {}, undefined, 500, 'INTERNAL'],
  ] as const)('lets the UI read a problem: %s', async (_name, method, path, auth, body, status, code) => {
    const headers = { origin: UI, ...(auth === 'token' ? bearer(token) : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
    const res = await send(server.url, method, path, headers, body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status, code, correlationId: res.headers['x-correlation-id'] });
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(listOf(res.headers['access-control-expose-headers'])).toContain('x-correlation-id');
  });

  it('opens an SSE stream (EventSource with ?access_token=) with the CORS headers', async () => {
    const res = await openStream(server.url, `/v1/events?access_token=${token}`, { origin: UI, accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
  });

  it('serves the OpenAPI document cross-origin, for the docs page of the UI', async () => {
    const res = await send(server.url, 'GET', '/openapi.json', { origin: UI });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
  });
});

describe('CORS for any other origin', () => {
  it.each([['another site', 'https://evil.example'], ['a look-alike', 'https://app.example.com.evil.example'], ['plain http', 'http://app.example.com'], ['a sandboxed page', 'null']])(
    'sends no CORS headers to %s, and answers the request as usual',
    async (_name, origin) => {
      const res = await send(server.url, 'GET', '/v1/whoami', { origin, ...bearer(token) });
      expect(res.status).toBe(200);
      expect(corsHeaders(res.headers)).toEqual([]);
      expect(listOf(res.headers['vary'])).toContain('origin');
    },
  );

  it('answers its preflight 204 with no CORS headers: the browser blocks, nothing errs', async () => {
    const res = await send(server.url, 'OPTIONS', '/v1/uploads', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(res.status).toBe(204);
    expect(corsHeaders(res.headers)).toEqual([]);
  });

  it('sends none without an Origin header (curl, servers)', async () => {
    const res = await send(server.url, 'GET', '/v1/whoami', bearer(token));
    expect(res.status).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
  });
});

describe('CORS settings', () => {
  it("allows every origin with '*', echoing it, but never the opaque origin null", async () => {
    const open = await startHttpServer(makeApp(verifier, { cors: { allowedOrigins: ['*'] } }), { port: 0, host: '127.0.0.1' });
    try {
      const res = await send(open.url, 'GET', '/v1/nothing-here', { origin: 'https://anyone.example' });
      expect(res.status).toBe(404);
      expect(res.headers['access-control-allow-origin']).toBe('https://anyone.example');
      expect(corsHeaders((await send(open.url, 'GET', '/v1/nothing-here', { origin: 'null' })).headers)).toEqual([]);
    } finally {
      await open.close();
    }
  });

  it('keeps the old behaviour without the option: no CORS headers, OPTIONS answered by the routes', async () => {
    const plain = await startHttpServer(makeApp(verifier), { port: 0, host: '127.0.0.1' });
    try {
      const get = await send(plain.url, 'GET', '/v1/whoami', { origin: UI, ...bearer(token) });
      expect(corsHeaders(get.headers)).toEqual([]);
      expect(listOf(get.headers['vary'])).not.toContain('origin');
      const known = await send(plain.url, 'OPTIONS', '/v1/uploads', { origin: UI, 'access-control-request-method': 'POST' });
      expect(known.status).toBe(200); // express's own OPTIONS answer, listing the methods
      expect(listOf(known.headers['allow'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(corsHeaders(known.headers)).toEqual([]);
      expect((await send(plain.url, 'OPTIONS', '/v1/nothing-here', { origin: UI, 'access-control-request-method': 'GET' })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuses at start-up an origin a browser could never send', () => {
    for (const origin of ['app.example.com', 'https://app.example.com/ui', 'ftp://app.example.com', 'https://user@app.example.com']) {
      expect(() => makeApp(verifier, { cors: { allowedOrigins: [origin] } })).toThrow(CorsOriginInvalid);
    }
  });

  it('reads MEDIAFLOW_CORS_ORIGINS as a comma-separated list of normalized origins', () => {
    expect(CorsOriginsSchema.parse(' https://App.Example.com/ , http://localhost:3000,, ')).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(CorsOriginsSchema.parse('')).toEqual([]);
    expect(CorsOriginsSchema.safeParse('https://app.example.com,not an origin').success).toBe(false);
  });
});
