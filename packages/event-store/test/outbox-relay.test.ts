// The relay's own rules, against an in-memory outbox: runs never overlap, drain stops on a short
// batch, stop waits for the run in flight, and a failed publish marks nothing.
import type { ClaimRequest, Outbox, OutboxEntry } from '../src';
import { OutboxRelay } from '../src';

const entry = (n: number): OutboxEntry => ({
  outboxId: String(n),
  source: 'mediaflow.jobs',
  streamId: 'job-1',
  streamVersion: n,
  type: 'Sample',
  schemaVersion: 1,
  data: { n },
  metadata: {
    eventId: `e-${n}`,
    version: 1,
    occurredAt: '2026-11-24T10:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    ownerId: 'o',
  },
  storedAt: '2026-11-24T10:00:00.000Z',
});

/** Pending entries in memory; claims ignore leases (one relay per test). */
class MemoryOutbox implements Outbox {
  readonly claims: ClaimRequest[] = [];
  readonly released: string[] = [];
  constructor(public pending: OutboxEntry[]) {}
  async claimPending(request: ClaimRequest) {
    this.claims.push(request);
    return this.pending.slice(0, request.limit);
  }
  async markPublished(entries: readonly OutboxEntry[]) {
    this.pending = this.pending.filter((p) => !entries.includes(p));
  }
  async releaseClaim(relayId: string) {
    this.released.push(relayId);
  }
}

const quiet = { debug: () => undefined, warn: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OutboxRelay', () => {
  it('drains batch after batch until one comes back short', async () => {
    const outbox = new MemoryOutbox(Array.from({ length: 7 }, (_, i) => entry(i + 1)));
    const batches: number[][] = [];
    const relay = new OutboxRelay({
      outbox,
      batchSize: 3,
      logger: quiet,
      publish: async (es) => void batches.push(es.map((e) => e.streamVersion)),
    });

    expect(await relay.drain()).toBe(7);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(outbox.released).toEqual([relay.relayId, relay.relayId, relay.relayId]);
  });

  it('marks nothing and releases its claim when publish fails', async () => {
    const outbox = new MemoryOutbox([entry(1)]);
    const relay = new OutboxRelay({
      outbox,
      logger: quiet,
      publish: () => Promise.reject(new Error('bus down')),
    });

    await expect(relay.relayOnce()).rejects.toThrow('bus down');
    expect(outbox.pending).toHaveLength(1);
    expect(outbox.released).toEqual([relay.relayId]);
  });

  it('never runs two batches at once, however often relayOnce is called', async () => {
    const outbox = new MemoryOutbox([entry(1), entry(2)]);
    let inFlight = 0;
    let most = 0;
    const relay = new OutboxRelay({
      outbox,
      batchSize: 1,
      logger: quiet,
      publish: async () => {
        most = Math.max(most, ++inFlight);
        await sleep(20);
        inFlight -= 1;
      },
    });

    expect(await Promise.all([relay.relayOnce(), relay.relayOnce(), relay.relayOnce()])).toEqual([1, 1, 0]);
    expect(most).toBe(1);
  });

  it('waits for the run in flight when stopped, then polls no more', async () => {
    const outbox = new MemoryOutbox([entry(1)]);
    let finished = false;
    const relay = new OutboxRelay({
      outbox,
      intervalMs: 10,
      logger: quiet,
      publish: async () => {
        await sleep(50);
        finished = true;
      },
    });

    relay.start();
    await sleep(10);
    await relay.stop();
    const claimsAtStop = outbox.claims.length;
    await sleep(50);

    expect(finished).toBe(true);
    expect(outbox.claims.length).toBe(claimsAtStop);
  });
});
