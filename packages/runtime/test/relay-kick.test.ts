import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import { OutboxRelay, type OutboxEntry } from '@mediaflow/event-store';
import { kickRelayAfterAppend } from '../src/relay-kick';

const metadata = (eventId: string) => ({
  eventId,
  version: 1,
  occurredAt: '2026-11-25T12:00:00Z',
  correlationId: 'c',
  causationId: null,
  ownerId: 'o',
});

describe('kickRelayAfterAppend', () => {
  it('publishes an append at once, without waiting for the relay to poll', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-kick-'));
    const file = openSqliteEventStore({ filename: path.join(dir, 'e.sqlite'), service: 'jobs' });
    const published: OutboxEntry[] = [];
    // An hour between polls: only the kick can publish within this test.
    const relay = new OutboxRelay({ outbox: file.outbox, publish: async (e) => void published.push(...e), intervalMs: 3_600_000 });
    const store = kickRelayAfterAppend(file.store, () => relay);
    try {
      const started = Date.now();
      await Promise.all(['a', 'b', 'c'].map((id) => store.append(`s-${id}`, 0, [{ type: 'JobCancelled', data: { jobId: id }, metadata: metadata(id) }])));
      while (published.length < 3 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 5));
      expect(published.map((e) => e.metadata.eventId).sort()).toEqual(['a', 'b', 'c']);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await relay.stop();
      file.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
