// The real sender against receivers on 127.0.0.1: what it sends, how it reads answers, timeouts,
// Retry-After, no redirects, and the SSRF guard at connection time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeHttpWebhookSender, WEBHOOK_USER_AGENT } from '../../src/adapters/outbound/node-http-webhook-sender';
import { parseRetryAfter } from '../../src/adapters/outbound/retry-after';
import { startReceiver, type ScriptedAnswer, type WebhookReceiver } from '../support/webhook-receiver';

const sender = new NodeHttpWebhookSender();
const send = (url: string, overrides: { timeoutMs?: number; allowLoopback?: boolean; signal?: AbortSignal } = {}) =>
  sender.send({ url, headers: { 'webhook-id': 'evt-1' }, body: '{"type":"JobCompleted"}', timeoutMs: 2000, allowLoopback: true, ...overrides });

describe('NodeHttpWebhookSender', () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('POSTs the exact body as JSON with the given headers, and reports a 2xx', async () => {
    receiver = await startReceiver(() => ({ status: 202 }));
    const result = await send(receiver.url);
    expect(result).toMatchObject({ kind: 'response', status: 202 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: 'POST', path: '/hook', body: '{"type":"JobCompleted"}' });
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'webhook-id': 'evt-1', 'user-agent': WEBHOOK_USER_AGENT });
  });

  it('reports failures with Retry-After and the start of the answer, and does not follow redirects', async () => {
    receiver = await startReceiver((_r, i): ScriptedAnswer =>
      i === 0 ? { status: 503, headers: { 'retry-after': '120' }, body: 'maintenance until noon' } : { status: 301, headers: { location: 'http://127.0.0.1:1/elsewhere' } },
    );
    expect(await send(receiver.url)).toMatchObject({ kind: 'response', status: 503, retryAfterSeconds: 120, responseSnippet: 'maintenance until noon' });
    expect(await send(receiver.url)).toMatchObject({ kind: 'response', status: 301 });
    expect(receiver.received).toHaveLength(2);
  });

  it('times out a receiver that does not answer in time', async () => {
    receiver = await startReceiver(() => ({ status: 200, delayMs: 2000 }));
    expect(await send(receiver.url, { timeoutMs: 200 })).toMatchObject({ kind: 'error', code: 'TIMEOUT' });
  });

  it('reports a refused connection as a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await send(`http://127.0.0.1:${port}/hook`)).toMatchObject({ kind: 'error', code: 'NETWORK_ERROR' });
  });

  it('refuses internal addresses, literal or resolved, before connecting', async () => {
    receiver = await startReceiver();
    expect(await send(receiver.url, { allowLoopback: false })).toMatchObject({ kind: 'error', code: 'ADDRESS_FORBIDDEN' });
    expect(await send(receiver.url.replace('127.0.0.1', 'localhost'), { allowLoopback: false })).toMatchObject({ kind: 'error', code: 'ADDRESS_FORBIDDEN' });
    expect(await send('http://169.254.169.254/latest/meta-data')).toMatchObject({ kind: 'error', code: 'ADDRESS_FORBIDDEN' });
    expect(receiver.received).toHaveLength(0);
  });

  it('stops when aborted', async () => {
    receiver = await startReceiver(() => ({ status: 200, delayMs: 5000 }));
    const abort = new AbortController();
    const pending = send(receiver.url, { signal: abort.signal, timeoutMs: 10_000 });
    await receiver.waitFor(1);
    abort.abort();
    expect(await pending).toMatchObject({ kind: 'error' });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
