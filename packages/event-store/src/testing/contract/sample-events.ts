// Events, ids and small helpers the contract suite builds its cases from. Every id is unique, so
// the suite can share one store (and run against a shared emulator or a real account).
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../event-store';
import type { Outbox, OutboxEntry } from '../../outbox';
import { OutboxRelay, type OutboxRelayOptions } from '../../outbox-relay';

export const uniqueId = (prefix: string): string => `${prefix}-${randomUUID()}`;

export const sampleEvent = (
  type = 'SampleHappened',
  data: unknown = { note: 'sample' },
  version = 1,
): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: uniqueId('evt'),
    version,
    occurredAt: '2026-11-24T10:00:00.000Z',
    correlationId: uniqueId('corr'),
    causationId: null,
    ownerId: 'owner-1',
  },
});

export const sampleEvents = (count: number, type = 'SampleHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => sampleEvent(type, { index }));

/** A relay over `outbox` that records what it publishes; quiet unless a test looks at its warnings. */
export const recordingRelay = (outbox: Outbox, options: Partial<OutboxRelayOptions> = {}) => {
  const published: OutboxEntry[] = [];
  const warnings: unknown[] = [];
  const relay = new OutboxRelay({
    outbox,
    leaseMs: 2_000,
    publish: async (entries) => {
      published.push(...entries);
    },
    logger: { debug: () => undefined, warn: (...args: unknown[]) => void warnings.push(args) },
    ...options,
  });
  return { relay, published, warnings };
};

/** The entries of the given streams only: the store is shared, other tests' entries pass too. */
export const entriesOf = (entries: readonly OutboxEntry[], streamIds: readonly string[]) =>
  entries.filter((entry) => streamIds.includes(entry.streamId));

export const positionsOf = (entries: readonly OutboxEntry[]) =>
  entries.map((e) => `${e.streamId}@${e.streamVersion}`);

export const relayUntilIdle = async (relay: OutboxRelay): Promise<void> => {
  while ((await relay.relayOnce()) > 0) {
    /* next batch */
  }
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const waitFor = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
};
