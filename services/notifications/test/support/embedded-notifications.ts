// Runs notifications as the all-in-one would: its embedded service over a real SQLite bus and files in
// a temp dir, its routers in @mediaflow/http's app on an ephemeral 127.0.0.1 port, tokens signed with
// a test secret, and a helper that publishes public events onto the bus as jobs/processing would.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeEnvelope, type EventDataOf, type EventName } from '@mediaflow/contracts';
import type { SqliteBus } from '@mediaflow/bus/sqlite';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer, type HttpServerHandle } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import type { ServiceInstance } from '@mediaflow/runtime';
import { createEmbeddedTestDeployment } from '@mediaflow/runtime/testing';
import { createEmbeddedService } from '../../src/main/embedded';
import type { NotificationsSettings } from '../../src/main/notifications-config';

process.env.LOG_LEVEL ??= 'SILENT';

const JWT_SECRET = 'notifications-test-secret-of-at-least-32-bytes';

export const testSettings = (overrides: { webhooks?: Partial<NotificationsSettings['webhooks']>; stream?: Partial<NotificationsSettings['stream']> } = {}): NotificationsSettings => ({
  webhooks: {
    urlPolicy: { allowHttpLoopback: true },
    maxSubscriptionsPerOwner: 3,
    retry: { delaysSeconds: [0.05], maxAttempts: 5, maxRetryAfterSeconds: 1, jitterFraction: 0 },
    disable: { afterConsecutiveFailures: 1000, afterFailingSeconds: 3600 },
    timeoutMs: 1000,
    ...overrides.webhooks,
  },
  dispatcher: { concurrency: 4, pollIntervalMs: 25, leaseMs: 5000 },
  retentionDays: 30,
  stream: { heartbeatMs: 15_000, maxStreamsPerOwner: 3, maxBufferedBytes: 1024 * 1024, retryMs: 100, ...overrides.stream },
  replayEventsPerOwner: 50,
  replaySeconds: 3600,
  tailIntervalMs: 50,
});

export interface RunningNotifications {
  readonly url: string;
  readonly service: ServiceInstance;
  readonly server: HttpServerHandle;
  readonly bus: SqliteBus;
  token(ownerId: string, ttlSeconds?: number): Promise<string>;
  /** Publishes a public event for `ownerId` as its producer would; returns its event id. */
  publish<N extends EventName>(name: N, data: EventDataOf<N, 1>, ownerId: string, eventId?: string): Promise<string>;
  /** Stops HTTP, the service and the bus; the data dir stays for a restart. */
  stop(): Promise<void>;
}

export const startNotifications = async (dataDir: string, settings: NotificationsSettings = testSettings()): Promise<RunningNotifications> => {
  const deployment = createEmbeddedTestDeployment({ dataDir, relayIntervalMs: 50, consumerConcurrency: 1, secrets: { jwt: JWT_SECRET, urlSigning: JWT_SECRET }, env: process.env });
  const { bus } = deployment;
  const service = await createEmbeddedService(deployment.shared, { settings });
  const app = createHttpApp({
    logger: createLogger('notifications-test'),
    routers: [...service.routers],
    auth: createTokenVerifier({ kind: 'hs256', secret: JWT_SECRET, adminClaim: 'roles' }),
    openapi: false,
  });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', shutdownGraceMs: 2000 });
  await service.start();
  let stopped = false;
  return {
    url: server.url,
    service,
    server,
    bus,
    token: (ownerId, ttlSeconds = 600) => issueDevelopmentToken({ secret: JWT_SECRET, sub: ownerId, ttlSeconds }),
    async publish(name, data, ownerId, eventId = randomUUID()) {
      const metadata = { eventId, version: 1 as const, occurredAt: new Date().toISOString(), correlationId: `corr-${eventId}`, causationId: null, ownerId };
      await bus.publish([makeEnvelope(name, data as never, metadata as never)]);
      return eventId;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await service.stop();
      await deployment.dispose();
    },
  };
};

export const tempDataDir = (): { dir: string; remove(): void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-embedded-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export const eventually = async <T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const api = (base: string, token?: string) => async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};
