// Application pieces against real SQLite files: the relay-side projection heals a read model that
// missed a command's projection (a crash in between), and stopping the dispatcher mid-attempt gives
// the delivery back uncounted, due at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore, type SqliteEventStoreFile } from '@mediaflow/event-store/sqlite';
import { createLogger } from '@mediaflow/logging';
import { executeCommand } from '@mediaflow/service-kit';
import { openNotificationsDatabase, type NotificationsDatabase } from '../../src/adapters/local/notifications-database';
import { SqliteDeliveryStore } from '../../src/adapters/local/sqlite-delivery-store';
import { SqliteSubscriptionsView } from '../../src/adapters/local/sqlite-subscriptions-view';
import { projectOutboxEntries } from '../../src/application/subscription-projection';
import { WebhookDispatcher } from '../../src/application/webhook-dispatcher';
import { webhookSubscriptionDecider } from '../../src/domain/webhook-subscription';
import { webhookStreamId } from '../../src/domain/webhook-subscription-events';

process.env.LOG_LEVEL ??= 'SILENT';

describe('notifications application on SQLite', () => {
  let dir: string;
  let events: SqliteEventStoreFile;
  let db: NotificationsDatabase;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-app-'));
    events = openSqliteEventStore({ filename: path.join(dir, 'events.sqlite'), service: 'notifications' });
    db = openNotificationsDatabase(path.join(dir, 'read.sqlite'));
  });
  afterEach(() => {
    events.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('projects subscription streams from outbox entries, so a missed projection heals', async () => {
    const view = new SqliteSubscriptionsView(db);
    const id = 'wh_0000000000000000000000000A';
    const deps = { store: events.store, clock: { now: () => new Date('2026-11-25T12:00:00Z') }, ids: { next: () => `evt-${Math.random()}` } };
    const context = { ownerId: 'owner-a', correlationId: 'c-1', causationId: null };
    await executeCommand(deps, webhookSubscriptionDecider, webhookStreamId(id), {
      type: 'CreateWebhookSubscription', subscriptionId: id, ownerId: 'owner-a', url: 'https://hooks.example.com/x', secret: 'whsec_AAAA', urlPolicy: { allowHttpLoopback: false }, now: new Date('2026-11-25T12:00:00Z'),
    }, { context });
    expect(await view.listByOwner('owner-a')).toEqual([]);
    const entries = await events.outbox.claimPending({ relayId: 'test', limit: 10, leaseMs: 1000 });
    await projectOutboxEntries(events.store, view, entries);
    expect(await view.get('owner-a', id)).toMatchObject({ subscriptionId: id, status: 'active', url: 'https://hooks.example.com/x' });
    expect(JSON.stringify(await view.get('owner-a', id))).not.toContain('whsec_');
  });

  it('releases a delivery whose attempt was cut short by stop(), without counting it', async () => {
    const deliveries = new SqliteDeliveryStore(db);
    await deliveries.enqueue('evt-1', [{ subscriptionId: 'wh_a', ownerId: 'o', eventId: 'evt-1', eventType: 'JobFailed', body: '{}' }], new Date());
    let started!: () => void;
    const attemptStarted = new Promise<void>((resolve) => (started = resolve));
    const dispatcher = new WebhookDispatcher({
      deliveries,
      clock: { now: () => new Date() },
      logger: createLogger('dispatcher-test'),
      concurrency: 2,
      pollIntervalMs: 20,
      leaseMs: 60_000,
      deliver: async (claimed, signal) => {
        started();
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        await deliveries.release(claimed, new Date());
        return 'released';
      },
    });
    dispatcher.start();
    await attemptStarted;
    await dispatcher.stop();
    const [again] = await deliveries.claimDue({ now: new Date(), limit: 5, leaseMs: 1000 });
    expect(again).toMatchObject({ eventId: 'evt-1', attempts: 0 });
  });
});
