// notifications' routes document themselves in the shared OpenAPI 3.1 document (as the all-in-one
// builds it), and its settings come from the environment with mode-dependent defaults.
import { buildOpenApiDocument } from '@mediaflow/http';
import { ConfigurationError } from '@mediaflow/config';
import { createLogger } from '@mediaflow/logging';
import { LiveEventHub } from '../../src/application/live-event-hub';
import { LiveFeed } from '../../src/application/live-feed';
import { notificationsRouter } from '../../src/adapters/http/notifications-router';
import { loadNotificationsSettings } from '../../src/main/notifications-config';

describe('notifications HTTP documentation', () => {
  it('adds every webhook route and the event stream to the OpenAPI document', () => {
    const hub = new LiveEventHub();
    const feed = new LiveFeed({ log: { append: async () => undefined, readSince: async () => [] }, hub, clock: { now: () => new Date() }, logger: createLogger('openapi-test'), replayWindowMs: 1000, limit: 10, tail: false });
    const router = notificationsRouter({ commands: { urlPolicy: { allowHttpLoopback: true } } as never, queries: {} as never, hub, feed, stream: { heartbeatMs: 1000, maxStreamsPerOwner: 1, maxBufferedBytes: 1, retryMs: 1 } });
    const document = buildOpenApiDocument({ title: 'mediaflow', version: '1.0.0', routers: [router] });
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(['/v1/events', '/v1/webhooks', '/v1/webhooks/{webhookId}', '/v1/webhooks/{webhookId}/deliveries', '/v1/webhooks/{webhookId}/enable']);
    expect(document.paths?.['/v1/webhooks']?.post?.responses?.['201']).toBeDefined();
    expect(JSON.stringify(document.paths?.['/v1/webhooks']?.post)).toContain('WEBHOOK_URL_FORBIDDEN');
    // The URL rules and event names are in the schema, so a generated client knows them.
    const body = JSON.stringify(document.components?.schemas?.['CreateWebhookRequest']);
    expect(body).toContain('"pattern":"^(?:https:');
    expect(body).toContain('localhost');
    expect(body).toContain('"JobCompleted"');
  });
});

describe('notifications settings', () => {
  it('allows loopback webhooks by default in embedded mode only', () => {
    expect(loadNotificationsSettings('embedded', {}).webhooks.urlPolicy.allowHttpLoopback).toBe(true);
    expect(loadNotificationsSettings('aws', {}).webhooks.urlPolicy.allowHttpLoopback).toBe(false);
    expect(loadNotificationsSettings('aws', { MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'true' }).webhooks.urlPolicy.allowHttpLoopback).toBe(true);
  });

  it('reads the retry schedule and the disable policy, with documented defaults', () => {
    const defaults = loadNotificationsSettings('aws', {});
    expect(defaults.webhooks.retry.delaysSeconds).toEqual([5, 30, 120, 600, 3600, 10800, 21600, 43200, 86400]);
    expect(defaults.webhooks).toMatchObject({ timeoutMs: 15_000, disable: { afterConsecutiveFailures: 10, afterFailingSeconds: 86400 } });
    const custom = loadNotificationsSettings('aws', { MEDIAFLOW_WEBHOOKS_RETRY_DELAYS_SECONDS: '1,2,3', MEDIAFLOW_WEBHOOKS_MAX_ATTEMPTS: '4' });
    expect(custom.webhooks.retry).toMatchObject({ delaysSeconds: [1, 2, 3], maxAttempts: 4 });
  });

  it('stops start-up on a bad value, naming the variable', () => {
    expect(() => loadNotificationsSettings('aws', { MEDIAFLOW_WEBHOOKS_RETRY_DELAYS_SECONDS: '5s,30s' })).toThrow(ConfigurationError);
    expect(() => loadNotificationsSettings('aws', { MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'yes' })).toThrow(/MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK/);
  });
});
