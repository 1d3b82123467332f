// startHttpServer on a real socket: port 0, and a graceful close that lets in-flight requests finish,
// ends SSE streams through the shutdown signal, drops idle keep-alive sockets, and cuts the rest
// after the grace period.
import { Agent, get, request, type IncomingMessage } from 'node:http';
import { createHttpApp, createTokenVerifier, HttpProblem, openEventStream, type ServiceRouter, startHttpServer } from '../src';
import { captureLogs, type CapturedLogs } from './support/capture-logs';
import { SECRET } from './support/tokens';
import { testLogger } from './support/uploads-fixture';

let uploadBytes = 0;
const waitUntil = async (check: () => unknown, ms = 5000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const streams: ServiceRouter = {
  service: 'streams',
  routes: [],
  extra: (router) => {
    router.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      res.json({ finished: true });
    });
    router.get('/events', (req, res) => {
      openEventStream(req, res, { retryMs: 1000 }).send({ event: 'progress', data: { percent: 10 }, id: 'e1' });
    });
    // Reads the whole body first: a client that goes away mid-body makes the read throw.
    router.put('/upload', async (req, res) => {
      for await (const chunk of req) uploadBytes += (chunk as Buffer).length;
      res.json({ received: true });
    });
    // Reads the whole body, then refuses it: the client is still there and gets the problem.
    router.put('/refuse', async (req) => {
      for await (const chunk of req) void chunk;
      throw new HttpProblem({ code: 'VALIDATION_FAILED', detail: 'refused after reading the body' });
    });
    // A long-lived response that ignores the shutdown signal: only the grace period ends it.
    router.get('/stubborn', (_req, res) => {
      res.status(200).type('text/plain').flushHeaders();
      res.write('still here\n');
    });
  },
};

const app = createHttpApp({ logger: testLogger, routers: [streams], auth: createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }), openapi: false });
let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const open = (url: string, agent?: Agent) =>
  new Promise<IncomingMessage>((resolve, reject) => get(url, agent ? { agent } : {}, resolve).on('error', reject));

const firstChunk = (res: IncomingMessage) => new Promise<string>((resolve) => res.once('data', (c: Buffer) => resolve(c.toString())));
const ended = (res: IncomingMessage) => new Promise<void>((resolve) => res.once('close', () => resolve()));
const body = async (res: IncomingMessage) => {
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
};

describe('startHttpServer', () => {
  it('answers a problem raised after the whole body was read (the request stream is destroyed by then, the client is not)', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${server.url}/refuse`, { method: 'PUT', body: Buffer.alloc(100_000) });
      expect({ status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    } finally {
      await server.close();
    }
  });

  it('logs a client that went away mid-body as that, not as a server error, and answers nobody', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 100 });
    try {
      const req = request(`${server.url}/upload`, { method: 'PUT', headers: { 'content-length': '100000' } });
      req.on('error', () => undefined); // our own abort
      req.write(Buffer.alloc(1000));
      await waitUntil(() => uploadBytes > 0); // the handler is reading the body
      req.destroy();
      const handled = () => logs.lines.find((l) => l.message === 'the client closed the request before it was answered' || l.level === 'ERROR');
      await waitUntil(handled, 4000);
      expect(handled()).toMatchObject({ level: 'INFO', message: 'the client closed the request before it was answered' });
    } finally {
      await server.close();
    }
  }, 10_000);

  it('binds port 0 to a free port and serves the app', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/nowhere`);
    expect(res.status).toBe(404);
    await server.close();
  });

  it('ends an open SSE stream on close instead of waiting out the grace period', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 10_000 });
    const stream = await open(`${server.url}/events`);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(await firstChunk(stream)).toContain('retry: 1000');
    const started = Date.now();
    await Promise.all([server.close(), ended(stream)]);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(`${server.url}/events`)).rejects.toThrow();
  });

  it('lets an in-flight request finish, answering it with Connection: close', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    const agent = new Agent({ keepAlive: true });
    const pending = open(`${server.url}/slow`, agent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server.close();
    const res = await pending;
    expect(res.statusCode).toBe(200);
    expect(res.headers['connection']).toBe('close');
    expect(JSON.parse(await body(res))).toEqual({ finished: true });
    await closing;
    agent.destroy();
  });

  it('does not wait for idle keep-alive sockets', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 10_000 });
    const agent = new Agent({ keepAlive: true });
    await body(await open(`${server.url}/nowhere`, agent));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  it('cuts a response that never ends once the grace period is over', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 300 });
    const res = await open(`${server.url}/stubborn`);
    await firstChunk(res);
    const started = Date.now();
    await Promise.all([server.close(), ended(res)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.close()).toBe(server.close()); // idempotent
    await new Promise((resolve) => setTimeout(resolve, 20)); // the server side logs the cut request
  });
});
