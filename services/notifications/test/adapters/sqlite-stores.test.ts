// The delivery store and subscriptions view contracts on SQLite (a real file in a temp dir), plus the
// SQLite-only retention prune.
import fs from 'node:fs';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import os from 'node:os';
import path from 'node:path';
import { openNotificationsDatabase } from '../../src/adapters/local/notifications-database';
import { SqliteDeliveryStore } from '../../src/adapters/local/sqlite-delivery-store';
import { SqliteRecentEventsLog } from '../../src/adapters/local/sqlite-recent-events-log';
import { SqliteSubscriptionsView } from '../../src/adapters/local/sqlite-subscriptions-view';
import { describeRecentEventsLogContract } from '../../src/testing/recent-events-log-contract';
import { describeDeliveryStoreContract } from '../../src/testing/delivery-store-contract';
import { claimOne, attemptEntry } from '../../src/testing/delivery-store-fixtures';
import { describeSubscriptionsViewContract } from '../../src/testing/subscriptions-view-contract';

const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-'));
  return { file: path.join(dir, 'notifications.read.sqlite'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

describeDeliveryStoreContract(`DeliveryStore contract [SQLite ${defaultSqliteDriver()}]`, async () => {
  const { file, remove } = tempFile();
  const dbs = [openNotificationsDatabase(file)];
  return {
    store: new SqliteDeliveryStore(dbs[0]!),
    reopen: async () => {
      const db = openNotificationsDatabase(file);
      dbs.push(db);
      return new SqliteDeliveryStore(db);
    },
    cleanup: async () => {
      dbs.forEach((db) => db.close());
      remove();
    },
  };
});

describeSubscriptionsViewContract(`SubscriptionsView contract [SQLite ${defaultSqliteDriver()}]`, async () => {
  const { file, remove } = tempFile();
  const db = openNotificationsDatabase(file);
  return {
    view: new SqliteSubscriptionsView(db),
    cleanup: async () => {
      db.close();
      remove();
    },
  };
});

describeRecentEventsLogContract(`RecentEventsLog contract [SQLite ${defaultSqliteDriver()}]`, async () => {
  const { file, remove } = tempFile();
  const db = openNotificationsDatabase(file);
  return {
    log: new SqliteRecentEventsLog(db),
    cleanup: async () => {
      db.close();
      remove();
    },
  };
});

describe('SqliteDeliveryStore.prune', () => {
  it('forgets settled deliveries and log entries older than the cut-off, never pending ones', async () => {
    const { file, remove } = tempFile();
    const db = openNotificationsDatabase(file);
    const store = new SqliteDeliveryStore(db);
    const old = new Date('2026-01-01T00:00:00.000Z');
    const body = '{}';
    const done = await claimOne(store, { subscriptionId: 'wh_a', ownerId: 'o', eventId: 'e1', eventType: 'JobCompleted', body }, old);
    await store.recordAttempt(done, attemptEntry(done, { attempt: 1, attemptedAt: old, outcome: 'delivered', responseStatus: 200 }));
    await store.enqueue('e2', [{ subscriptionId: 'wh_a', ownerId: 'o', eventId: 'e2', eventType: 'JobCompleted', body }], old);
    await store.prune(new Date('2026-06-01T00:00:00.000Z'));
    expect(await store.get('wh_a', 'e1')).toBeUndefined();
    expect(await store.recentAttempts('wh_a', 10)).toEqual([]);
    expect(await store.get('wh_a', 'e2')).toMatchObject({ status: 'pending' });
    db.close();
    remove();
  });
});
