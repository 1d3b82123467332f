// The SSE route on its own, fed straight from a hub: a client that stops reading is dropped (its
// connection destroyed, its buffer freed) once the buffer passes the limit, not buffered for forever.
import http from 'node:http';
import type { Socket } from 'node:net';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { LiveEventHub } from '../../src/application/live-event-hub';
import { LiveFeed } from '../../src/application/live-feed';
import { notificationsRouter } from '../../src/adapters/http/notifications-router';
import type { NotifiedEvent } from '../../src/domain/notification-payload';

process.env.LOG_LEVEL ??= 'SILENT';
const secret = 'event-stream-route-test-secret-32-bytes!!';

describe('GET /v1/events backpressure', () => {
  it('drops a client that stops reading', async () => {
    const hub = new LiveEventHub({ bufferPerOwner: 10 });
    const feed = new LiveFeed({ log: { append: async () => undefined, readSince: async () => [] }, hub, clock: { now: () => new Date() }, logger: createLogger('sse-test'), replayWindowMs: 1000, limit: 10, tail: false });
    const router = notificationsRouter({
      commands: { urlPolicy: { allowHttpLoopback: true } } as never,
      queries: {} as never,
      hub,
      feed,
      stream: { heartbeatMs: 60_000, maxStreamsPerOwner: 5, maxBufferedBytes: 256 * 1024, retryMs: 1000 },
    });
    const app = createHttpApp({ logger: createLogger('sse-test'), routers: [router], auth: createTokenVerifier({ kind: 'hs256', secret, adminClaim: 'roles' }), openapi: false });
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 500 });
    const serverSockets: Socket[] = [];
    server.server.on('connection', (socket: Socket) => serverSockets.push(socket));
    const token = await issueDevelopmentToken({ secret, sub: 'owner-a', ttlSeconds: 60 });
    const client = http.get(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => res.pause());
    client.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(hub.openStreams('owner-a')).toBe(1);
    const serverSide = serverSockets[0] as Socket;
    const dropped = new Promise<void>((resolve) => serverSide.once('close', () => resolve()));

    const filler = 'x'.repeat(100 * 1024);
    let sent = 0;
    for (; sent < 2000 && hub.openStreams('owner-a') > 0; sent++) {
      const event: NotifiedEvent = { eventId: `evt-${sent}`, ownerId: 'owner-a', payload: { type: 'TranscodeProgressed', timestamp: new Date().toISOString(), version: 1, data: { jobId: 'job_1', filler } } };
      hub.publish(event);
      if (sent % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    await dropped;
    expect(hub.openStreams('owner-a')).toBe(0);
    // What the kernel absorbs plus the limit, far below what was offered had the client stayed.
    expect(sent).toBeLessThan(2000);
    client.destroy();
    await server.close();
  });
});
