// Pruning the embedded bus log, on a real SQLite file: delivered events older than the cutoff go in
// batches; newer ones, ones a subscriber has not routed or still has pending, and dead letters stay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@mediaflow/logging';
import { openSqliteDatabase, type SqliteDatabase } from '@mediaflow/sqlite';
import { SqliteBus } from '../src/adapters/local/sqlite-bus';
import { declarations } from '../src/testing/bus-contract';
import { testEvent, validateTestEnvelope } from '../src/testing/ping-events';
import { pause, recorder, waitFor } from '../src/testing/recorder';

let dir: string;
let bus: SqliteBus;
let peek: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mediaflow-bus-retention-'));
  bus = new SqliteBus({ file: join(dir, 'bus.sqlite'), validate: validateTestEnvelope });
  peek = openSqliteDatabase(join(dir, 'bus.sqlite'));
});
afterEach(async () => {
  peek.close();
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

const ping = (n: number) => testEvent('ingest', 'Ping', 1, { n });
const logged = (): number[] =>
  (peek.prepare('SELECT body FROM bus_events ORDER BY seq').all() as { body: string }[]).map(
    (r) => (JSON.parse(r.body) as { detail: { data: { n: number } } }).detail.data.n,
  );
const options = { pollIntervalMs: 20, retryDelay: () => 60_000, stopTimeoutMs: 300, logger: createLogger('bus-test', {}, 'SILENT') };
const pruneAll = (cutoff: Date, limit = 100): number => {
  let total = 0;
  for (let n = limit; n === limit; total += n) n = bus.prune(cutoff, limit);
  return total;
};

describe('pruning the embedded bus log', () => {
  it('deletes delivered events published before the cutoff and keeps the newer ones', async () => {
    const jobs = recorder();
    bus.provision(declarations.jobs);
    await bus.consumer(declarations.jobs, options).start(jobs.handler);
    await bus.publish([ping(1), ping(2), ping(3)]);
    await pause(5);
    const cutoff = new Date();
    await pause(5);
    await bus.publish([ping(4)]);
    await waitFor('deliveries', () => jobs.deliveries.length === 4);

    expect(pruneAll(cutoff)).toBe(3);
    expect(logged()).toEqual([4]);
    expect(bus.oldestEventAt()!.getTime()).toBeGreaterThanOrEqual(cutoff.getTime());
  });

  it('deletes at most the batch size per call', async () => {
    bus.provision(declarations.jobs);
    await bus.consumer(declarations.jobs, options).start(recorder().handler);
    await bus.publish([1, 2, 3, 4, 5].map(ping));
    await waitFor('routed', () => (peek.prepare('SELECT MIN(checkpoint) AS c FROM bus_subscribers').get() as { c: number }).c === 5);
    await waitFor('no delivery pending', () => (peek.prepare('SELECT COUNT(*) AS n FROM bus_deliveries').get() as { n: number }).n === 0);
    const later = new Date(Date.now() + 1000);
    expect(bus.prune(later, 2)).toBe(2);
    expect(logged()).toEqual([3, 4, 5]);
    expect(bus.prune(later, 2)).toBe(2);
    expect(bus.prune(later, 2)).toBe(1);
    expect(bus.oldestEventAt()).toBeUndefined();
  });

  it('keeps events a subscriber has not routed yet, however old', async () => {
    const jobs = recorder();
    for (const d of [declarations.jobs, declarations.notifications]) bus.provision(d);
    await bus.consumer(declarations.jobs, options).start(jobs.handler);
    await bus.publish([ping(1), ping(2)]);
    await waitFor('jobs got both', () => jobs.deliveries.length === 2);

    // notifications' consumer is not running: its checkpoint is still before both events.
    expect(pruneAll(new Date(Date.now() + 1000))).toBe(0);
    expect(logged()).toEqual([1, 2]);

    const notifications = recorder();
    await bus.consumer(declarations.notifications, options).start(notifications.handler);
    await waitFor('notifications got both', () => notifications.deliveries.length === 2);
    await waitFor('acknowledged', () => (peek.prepare('SELECT COUNT(*) AS n FROM bus_deliveries').get() as { n: number }).n === 0);
    expect(pruneAll(new Date(Date.now() + 1000))).toBe(2);
  });

  it('keeps an event whose delivery is pending (a retry is due later), and keeps dead letters', async () => {
    bus.provision(declarations.jobs);
    const failing = recorder(async (event) => {
      if ((event.detail.data as { n: number }).n === 2) throw new Error('not yet');
    });
    await bus.consumer(declarations.jobs, options).start(failing.handler);
    await bus.publish([ping(1), ping(2)]);
    await waitFor('both attempted', () => failing.deliveries.length === 2);
    await pause(50);

    expect(pruneAll(new Date(Date.now() + 1000))).toBe(1);
    expect(logged()).toEqual([2]);

    peek
      .prepare(`INSERT INTO bus_dead_letters (subscriber, seq, body, error, attempts, dead_lettered_at) VALUES ('jobs', 999, ?, '{"code":"X","message":"x"}', 5, ?)`)
      .run(JSON.stringify(ping(9)), new Date(0).toISOString());
    expect(pruneAll(new Date(Date.now() + 1000))).toBe(0);
    expect(await bus.deadLetters(declarations.jobs).list()).toHaveLength(1);
  });

  it('bounds replay: a window over pruned events queues nothing', async () => {
    bus.provision(declarations.jobs);
    const jobs = recorder();
    await bus.consumer(declarations.jobs, options).start(jobs.handler);
    const from = new Date(Date.now() - 1000);
    await bus.publish([ping(1), ping(2)]);
    await waitFor('delivered', () => jobs.deliveries.length === 2);
    await waitFor('acknowledged', () => (peek.prepare('SELECT COUNT(*) AS n FROM bus_deliveries').get() as { n: number }).n === 0);
    await pause(5);
    pruneAll(new Date());
    expect(bus.replay(declarations.jobs, { from, to: new Date() })).toEqual({ queued: 0 });
  });
});
