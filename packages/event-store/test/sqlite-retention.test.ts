// Pruning a service's SQLite store file (a real file): published outbox rows and inbox entries older
// than the cutoff go, in batches; newer ones, pending outbox rows and the events themselves stay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStoreDatabase, SqliteEventStore, SqliteOutbox, SqliteRetention, type SqliteDatabase } from '../src/sqlite';
import { sampleEvent, sampleEvents, uniqueId } from '../src/testing/contract/sample-events';

const HOUR = 3600_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');

let dir: string;
let db: SqliteDatabase;
let clock: number;
let store: SqliteEventStore;
let outbox: SqliteOutbox;
let retention: SqliteRetention;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mediaflow-retention-'));
  db = openEventStoreDatabase({ filename: join(dir, 'jobs-events.sqlite') });
  clock = T0;
  const now = () => new Date(clock);
  store = new SqliteEventStore(db, now);
  outbox = new SqliteOutbox(db, 'jobs', now);
  retention = new SqliteRetention(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const outboxRows = () =>
  db.prepare('SELECT seq, published_at FROM outbox ORDER BY seq').all() as { seq: number; published_at: string | null }[];
const publish = async (count: number) => {
  const entries = await outbox.claimPending({ relayId: 'relay', limit: count, leaseMs: 60_000 });
  await outbox.markPublished(entries);
  return entries;
};

describe('pruning the SQLite outbox', () => {
  it('deletes rows published before the cutoff, keeps newer and unpublished ones, and never the events', async () => {
    const stream = uniqueId('job');
    await store.append(stream, 0, sampleEvents(3));
    await publish(2); // published at T0
    clock = T0 + 2 * HOUR;
    await store.append(stream, 3, sampleEvents(1));
    // The third row stays pending; only the fourth is published now, at T0 + 2 h.
    db.prepare('UPDATE outbox SET published_at = ? WHERE seq = 4').run(new Date(clock).toISOString());

    expect(retention.pruneOutbox(new Date(T0 + HOUR), 100)).toBe(2);
    expect(outboxRows()).toEqual([
      { seq: 3, published_at: null },
      { seq: 4, published_at: new Date(T0 + 2 * HOUR).toISOString() },
    ]);
    expect(await store.read(stream)).toHaveLength(4);
    // The pending row is still claimed and published by the relay, however old.
    expect((await outbox.claimPending({ relayId: 'relay', limit: 10, leaseMs: 60_000 })).map((e) => e.streamVersion)).toEqual([3]);
  });

  it('deletes at most the batch size per call', async () => {
    await store.append(uniqueId('job'), 0, sampleEvents(5));
    await publish(5);
    const later = new Date(T0 + HOUR);
    expect(retention.pruneOutbox(later, 2)).toBe(2);
    expect(retention.pruneOutbox(later, 2)).toBe(2);
    expect(retention.pruneOutbox(later, 2)).toBe(1);
    expect(retention.pruneOutbox(later, 2)).toBe(0);
  });
});

describe('pruning the SQLite inbox', () => {
  const consume = async (consumer: string, eventId: string) =>
    store.append(uniqueId('job'), 0, [sampleEvent()], { consumed: { consumer, eventId } });

  it('forgets entries handled before the cutoff and still recognises newer ones', async () => {
    await consume('jobs.upload-completed', 'evt-old');
    clock = T0 + 2 * HOUR;
    await consume('jobs.upload-completed', 'evt-new');

    expect(retention.pruneInbox(new Date(T0 + HOUR), 100)).toBe(1);
    expect(await store.hasHandled('jobs.upload-completed', 'evt-old')).toBe(false);
    expect(await store.hasHandled('jobs.upload-completed', 'evt-new')).toBe(true);
    await expect(consume('jobs.upload-completed', 'evt-new')).rejects.toMatchObject({ code: 'EVENT_ALREADY_HANDLED' });
  });

  it('deletes the oldest entries first, at most the batch size per call', async () => {
    for (let i = 0; i < 5; i++) {
      clock = T0 + i * 1000;
      await consume('c', `evt-${i}`);
    }
    expect(retention.pruneInbox(new Date(T0 + HOUR), 2)).toBe(2);
    const left = await Promise.all([0, 1, 2, 3, 4].map((i) => store.hasHandled('c', `evt-${i}`)));
    expect(left).toEqual([false, false, true, true, true]);
  });
});
