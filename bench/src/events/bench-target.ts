// What the events bench needs from one deployment mode: fresh stores, the raw-write baseline in the
// store's own setup, and the bus (publisher + the subscriber's consumer). embedded-target.ts and
// aws-target.ts build it from the real adapters.
import type { EventConsumer, EventPublisher } from '@mediaflow/bus';
import type { EventStore, Outbox } from '@mediaflow/event-store';

interface OpenedStore {
  readonly store: EventStore;
  readonly outbox: Outbox;
  close(): Promise<void>;
}

interface RawBaseline {
  /** For the table, e.g. "raw better-sqlite3 INSERT". */
  readonly name: string;
  /** Writes `count` event-sized rows one by one, bypassing the store; resolves with the seconds taken. */
  writes(count: number): Promise<number>;
}

export interface BenchTarget {
  /** e.g. "embedded: SQLite store + SQLite bus". */
  readonly name: string;
  /** Raw writes bypassing the store; the first is the baseline the ratios divide by. */
  readonly baselines: readonly [RawBaseline, ...RawBaseline[]];
  /** An empty store (a new file, a new table), so rounds do not see each other's data. */
  openStore(): Promise<OpenedStore>;
  readonly publisher: EventPublisher;
  /** The bench subscriber's consumer, provisioned; not started. */
  consumer(): Promise<EventConsumer>;
  dispose(): Promise<void>;
}

/** How many consumer handlers run at once: the runtime's default (MEDIAFLOW_CONSUMER_CONCURRENCY). */
export const CONSUMER_CONCURRENCY = 4;
