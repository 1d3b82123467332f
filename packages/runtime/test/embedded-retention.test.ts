// The embedded pruning end to end on real SQLite files (a bus file and a service's store file): with
// a retention far shorter than the event's age, a redelivery of an event the bus still holds is still
// recognised by the inbox; once every subscriber is done with it, the log entry, the published outbox
// row and the inbox entry all go.
import { randomUUID } from 'node:crypto';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { BusEnvelopeSchema, type BusEnvelope } from '@mediaflow/contracts';
import { EventAlreadyHandled } from '@mediaflow/event-store';
import { openSqliteEventStore, type SqliteEventStoreFile } from '@mediaflow/event-store/sqlite';
import { createLogger } from '@mediaflow/logging';
import { declareService } from '@mediaflow/topology';
import { ABANDONED_WRITE_MS, busRetentionPruner, storeRetentionPruner } from '../src';

const quiet = createLogger('retention-test', {}, 'SILENT');
const subscription = [{ from: 'ingest' as const, event: 'UploadCompleted', versions: [1] }];
const jobs = declareService({ service: 'jobs', subscriptions: subscription, maxAttempts: 3, visibilityTimeoutSeconds: 2 });
const notifications = declareService({ service: 'notifications', subscriptions: subscription, maxAttempts: 3, visibilityTimeoutSeconds: 2 });
const consumerOptions = { pollIntervalMs: 20, stopTimeoutMs: 300, logger: quiet };

const envelope = (): BusEnvelope => ({
  source: 'mediaflow.ingest',
  'detail-type': 'UploadCompleted',
  detail: {
    metadata: { eventId: randomUUID(), version: 1, occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, ownerId: 'o' },
    data: {},
  },
});

const waitFor = async (what: string, probe: () => boolean | Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

let dir: string;
let bus: SqliteBus;
let file: SqliteEventStoreFile;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mediaflow-retention-'));
  bus = new SqliteBus({ file: join(dir, 'bus.sqlite'), validate: (raw) => BusEnvelopeSchema.parse(raw) });
  file = openSqliteEventStore({ filename: join(dir, 'jobs-events.sqlite'), service: 'jobs' });
});
afterEach(async () => {
  await bus.close();
  file.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the inbox entry of an event the bus can still redeliver, and prunes all three once it cannot', async () => {
  const outcomes: string[] = [];
  // jobs' handler: one append recording the event in its inbox, like execute-command does.
  const handle = async (event: BusEnvelope) => {
    try {
      await file.store.append(`job-${event.detail.metadata.eventId}`, 0, [{ type: 'JobCreated', data: {}, metadata: event.detail.metadata }], {
        consumed: { consumer: 'jobs.upload-completed', eventId: event.detail.metadata.eventId },
      });
      outcomes.push('handled');
    } catch (error) {
      if (!(error instanceof EventAlreadyHandled)) throw error;
      outcomes.push('already handled');
    }
  };
  for (const d of [jobs, notifications]) bus.provision(d);
  await bus.consumer(jobs, consumerOptions).start(handle);
  const published = new Date();
  await bus.publish([envelope()]);
  await waitFor('jobs handled it', () => outcomes.length === 1);
  const [entry] = await file.outbox.claimPending({ relayId: 'r', limit: 1, leaseMs: 1000 });
  await file.outbox.markPublished([entry!]);

  // One second of retention, pruned from a clock a minute later: everything is "old".
  const settings = { retentionMs: 1000, pruneIntervalMs: 60_000 };
  const later = () => new Date(Date.now() + 60_000);
  const busPruner = busRetentionPruner(bus, { settings, logger: quiet, now: later });
  const storePruner = storeRetentionPruner(file.retention, bus, { settings, logger: quiet, now: later });

  // notifications has not routed the event yet: the log keeps it, so jobs' inbox keeps its entry.
  expect(await busPruner.pruneOnce()).toEqual({ 'bus log': 0 });
  expect(await storePruner.pruneOnce()).toEqual({ outbox: 1, inbox: 0 });
  expect(bus.replay(jobs, { from: new Date(published.getTime() - 1000), to: new Date() })).toEqual({ queued: 1 });
  await waitFor('the replayed delivery', () => outcomes.length === 2);
  expect(outcomes).toEqual(['handled', 'already handled']);

  const seen: string[] = [];
  await bus.consumer(notifications, consumerOptions).start(async (e) => void seen.push(e.detail.metadata.eventId));
  await waitFor('notifications got it', () => seen.length === 1);
  // Pruned as soon as notifications has acknowledged it.
  await waitFor('the log entry pruned', async () => (await busPruner.pruneOnce())['bus log'] === 1);
  expect(bus.oldestEventAt()).toBeUndefined();
  expect(await storePruner.pruneOnce()).toEqual({ outbox: 0, inbox: 1 });
});

it('prunes on its interval while started, and not after stop', async () => {
  bus.provision(jobs);
  await bus.consumer(jobs, consumerOptions).start(async () => undefined);
  await bus.publish([envelope(), envelope()]);
  const pruner = busRetentionPruner(bus, { settings: { retentionMs: 1, pruneIntervalMs: 50 }, logger: quiet });
  pruner.start();
  await waitFor('the log pruned', () => bus.oldestEventAt() === undefined);
  await pruner.stop();
  await bus.publish([envelope()]);
  await new Promise((r) => setTimeout(r, 300));
  expect(bus.oldestEventAt()).toBeDefined();
});

it('removes writes abandoned in local blob storage (a kill mid-PUT) once untouched for an hour, and nothing else', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-abandoned-'));
  try {
    const uploads = new LocalDiskBlobStorage({ root });
    await uploads.put('owner/up_1/source', Buffer.from('kept'), { contentType: 'video/mp4' });
    const tmp = path.join(root, 'tmp');
    const abandoned = path.join(tmp, 'abandoned.part');
    const inProgress = path.join(tmp, 'in-progress.part');
    fs.writeFileSync(abandoned, 'half a file');
    fs.writeFileSync(inProgress, 'still arriving');
    const twoHoursAgo = new Date(Date.now() - 2 * ABANDONED_WRITE_MS);
    fs.utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    const pruner = storeRetentionPruner(file.retention, bus, { settings: { retentionMs: 1000, pruneIntervalMs: 60_000 }, logger: quiet }, { uploads });
    expect(await pruner.pruneOnce()).toMatchObject({ 'abandoned writes in uploads': 1 });
    expect(fs.readdirSync(tmp)).toEqual(['in-progress.part']);
    expect((await uploads.head('owner/up_1/source'))?.size).toBe(4);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
