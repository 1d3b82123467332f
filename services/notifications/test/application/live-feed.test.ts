// The live feed over a real SQLite recent-events log: a stream served by a process that does not
// consume the bus gets the owner's events by tailing the log, and a resume seeds the replay buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@mediaflow/logging';
import { openNotificationsDatabase, type NotificationsDatabase } from '../../src/adapters/local/notifications-database';
import { SqliteRecentEventsLog } from '../../src/adapters/local/sqlite-recent-events-log';
import { LiveEventHub } from '../../src/application/live-event-hub';
import { LiveFeed } from '../../src/application/live-feed';
import type { NotifiedEvent } from '../../src/domain/notification-payload';

process.env.LOG_LEVEL ??= 'SILENT';

const event = (n: number, ownerId = 'owner-a'): NotifiedEvent => ({
  eventId: `evt-${ownerId}-${n}`,
  ownerId,
  payload: { type: 'JobCancelled', timestamp: new Date().toISOString(), version: 1, data: { jobId: `job_${n}` } },
});

describe('LiveFeed', () => {
  let dir: string;
  let db: NotificationsDatabase;
  let log: SqliteRecentEventsLog;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-feed-'));
    db = openNotificationsDatabase(path.join(dir, 'read.sqlite'));
    log = new SqliteRecentEventsLog(db);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const feedFor = (hub: LiveEventHub, tail: boolean) =>
    new LiveFeed({ log, hub, clock: { now: () => new Date() }, logger: createLogger('feed-test'), replayWindowMs: 60_000, limit: 100, tail: tail ? { pollIntervalMs: 20, lookbackMs: 5000 } : false });

  it("tails the log for followed owners only, delivering each event once, and stops when unfollowed", async () => {
    const hub = new LiveEventHub();
    const feed = feedFor(hub, true);
    const got: string[] = [];
    hub.subscribe('owner-a', undefined, { deliver: (e) => got.push(e.eventId), end: () => undefined });
    hub.subscribe('owner-b', undefined, { deliver: (e) => got.push(e.eventId), end: () => undefined });
    const unfollow = feed.follow('owner-a');
    await log.append(event(1), new Date());
    await log.append(event(9, 'owner-b'), new Date());
    await log.append(event(2), new Date());
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toEqual(['evt-owner-a-1', 'evt-owner-a-2']);
    unfollow();
    await log.append(event(3), new Date());
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(['evt-owner-a-1', 'evt-owner-a-2']);
  });

  it('seeds the replay buffer for a resume this process has not seen (after a restart)', async () => {
    for (const n of [1, 2, 3]) await log.append(event(n), new Date());
    const hub = new LiveEventHub();
    const feed = feedFor(hub, false);
    await feed.prepare('owner-a', 'evt-owner-a-1');
    const resumed = hub.subscribe('owner-a', 'evt-owner-a-1', { deliver: () => undefined, end: () => undefined });
    expect(resumed.replay).toMatchObject({ complete: true, events: [event(2), event(3)].map((e) => expect.objectContaining({ eventId: e.eventId })) });
    expect(feed.follow('owner-a')).toEqual(expect.any(Function));
  });
});
