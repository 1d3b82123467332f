// The UI served from the API's own port, over real HTTP: a dist folder built here, the router, and
// a catch-all standing in for the API's 404, so "falls through" is visible as that JSON answer.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { webRouter, type UiConfig } from '../src/web-router';

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

const INDEX = '<!doctype html><title>mediaflow</title><script type="module" src="/assets/app-ABC.js"></script>';
const DOCS = '<!doctype html><title>mediaflow API</title>';
const EVENTS = '<!doctype html><title>events</title>';

let root: string;
let dist: string;
let server: http.Server;
let port: number;
let configCalls = 0;

// node:http sends the path exactly as written (fetch would normalise `..` away before sending).
const get = (rawPath: string, accept = 'text/html,application/xhtml+xml,*/*;q=0.8', method = 'GET'): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers: { accept } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const expectFallsThrough = (answer: Answer, requestPath: string): void => {
  expect(answer.status).toBe(404);
  expect(JSON.parse(answer.body)).toEqual({ code: 'NOT_FOUND', path: requestPath });
};

const expectIndex = (answer: Answer): void => {
  expect(answer.status).toBe(200);
  expect(answer.body).toBe(INDEX);
  expect(answer.headers['content-type']).toMatch(/^text\/html/);
  expect(answer.headers['cache-control']).toBe('no-cache');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-web-router-'));
  dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dist, 'docs'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'app-ABC.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dist, 'docs', 'index.html'), DOCS);
  fs.mkdirSync(path.join(dist, 'docs', 'events'));
  fs.writeFileSync(path.join(dist, 'docs', 'events', 'index.html'), EVENTS);
  fs.writeFileSync(path.join(dist, '.build-stamp'), 'stamp');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'root:x:0:0:outside dist');
  const config = (): UiConfig => ({ apiUrl: '', mode: 'embedded', devToken: `dev-token-${++configCalls}` });
  const app = express();
  app.use(webRouter({ distDir: dist, config }));
  app.use((req: express.Request, res: express.Response) => void res.status(404).json({ code: 'NOT_FOUND', path: req.path }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('webRouter', () => {
  it('answers index.html, never cached and with the security headers, at the root', async () => {
    expectIndex(await get('/'));
  });

  it("answers index.html for a reload on any of the UI's routes", async () => {
    for (const uiPath of ['/upload', '/jobs', '/jobs/abc', '/jobs/abc?tab=files', '/webhooks', '/admin']) expectIndex(await get(uiPath));
  });

  it('serves hashed assets as immutable for a year', async () => {
    const answer = await get('/assets/app-ABC.js', '*/*');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('console.log("app");');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers config.json from config(), never stored and built per request', async () => {
    const before = configCalls;
    const first = await get('/config.json', 'application/json');
    const second = await get('/config.json', 'application/json');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(first.body)).toEqual({ apiUrl: '', mode: 'embedded', devToken: `dev-token-${before + 1}` });
    expect(JSON.parse(second.body)).toMatchObject({ devToken: `dev-token-${before + 2}` });
    expect(configCalls).toBe(before + 2);
  });

  it('lets a UI route asked for as JSON fall through to the API', async () => {
    expectFallsThrough(await get('/jobs', 'application/json'), '/jobs');
    expectFallsThrough(await get('/jobs/abc', 'application/json'), '/jobs/abc');
  });

  it('answers no other method than GET and HEAD: a CORS preflight or a POST reaches the API behind it', async () => {
    for (const p of ['/', '/jobs', '/v1/jobs', '/config.json', '/docs/', '/assets/app-ABC.js']) {
      expectFallsThrough(await get(p, '*/*', 'OPTIONS'), p);
      expectFallsThrough(await get(p, '*/*', 'POST'), p);
    }
  });

  it('lets API paths and unknown pages fall through, even when HTML is accepted', async () => {
    expectFallsThrough(await get('/v1/jobs'), '/v1/jobs');
    expectFallsThrough(await get('/nope.html'), '/nope.html');
    expectFallsThrough(await get('/jobsx'), '/jobsx');
    expectFallsThrough(await get('/openapi.json'), '/openapi.json');
  });

  it('lets a missing asset fall through instead of answering HTML in place of a script', async () => {
    expectFallsThrough(await get('/assets/app-OLD.js', '*/*'), '/assets/app-OLD.js');
  });

  it('never serves dotfiles such as the build stamp', async () => {
    expectFallsThrough(await get('/.build-stamp'), '/.build-stamp');
  });

  it('redirects /docs to /docs/ and serves the docs page there', async () => {
    const redirect = await get('/docs');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/docs/');
    const page = await get('/docs/');
    expect(page.status).toBe(200);
    expect(page.body).toBe(DOCS);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('redirects /docs/events to /docs/events/ and serves the events page there, with the CSP', async () => {
    const redirect = await get('/docs/events');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/docs/events/']);
    const page = await get('/docs/events/');
    expect([page.status, page.body, page.headers['cache-control']]).toEqual([200, EVENTS, 'no-cache']);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/docs/events/index.html')).body).toBe(EVENTS);
  });

  it('never serves a file outside dist, however the path climbs', async () => {
    const attempts = [
      '/assets/../../secret.txt',
      '/assets/../../etc/passwd',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/docs/..%5c..%5csecret.txt',
    ];
    for (const attempt of attempts) expectFallsThrough(await get(attempt), attempt);
    // Under a UI route the climb is just a job id the page will not find: index.html, not the file.
    expectIndex(await get('/jobs/..%2f..%2fsecret.txt'));
  });

  it('refuses to start without a build, naming the command that makes one', () => {
    const empty = path.join(root, 'not-built');
    fs.mkdirSync(empty);
    expect(() => webRouter({ distDir: empty, config: () => ({ apiUrl: '', mode: 'embedded' }) })).toThrow(
      `the web UI is not built: ${path.join(empty, 'index.html')} is missing (npm run build -w @mediaflow/web)`,
    );
  });
});
