// The embedded mode under the bench: one SQLite event store file per round in a temp dir (WAL,
// synchronous FULL, as openSqliteEventStore sets it) and the SQLite bus, every file opened with the
// driver given. The baselines write the same rows with plain prepared INSERTs into files opened with
// the very same pragmas, schema and driver.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { validateWithContracts } from '@mediaflow/bus';
import { openEventStoreDatabase, openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import { type NewEvent } from '@mediaflow/event-store';
import type { SqliteDriver } from '@mediaflow/sqlite';
import { CONSUMER_CONCURRENCY, type BenchTarget } from './bench-target';
import { benchSubscriber, newBenchEvent, PRODUCER } from './bench-events';

const INSERT_EVENT = `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, stored_at)
  VALUES (?, 1, ?, ?, 1, ?, ?, ?)`;
const INSERT_OUTBOX = 'INSERT INTO outbox (stream_id, stream_version) VALUES (?, 1)';

export const embeddedTarget = async (driver: SqliteDriver): Promise<BenchTarget> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-bench-events-'));
  const bus = new SqliteBus({ file: path.join(dir, 'bus.sqlite'), validate: validateWithContracts, driver });
  bus.provision(benchSubscriber);
  let files = 0;
  const nextFile = (): string => path.join(dir, `${PRODUCER}-${++files}.sqlite`);

  /** One commit per event: the event row alone, or with its outbox row as the store writes it. */
  const rawWrites = (withOutbox: boolean) => async (count: number) => {
    const db = openEventStoreDatabase({ filename: nextFile(), driver });
    try {
      const event = db.prepare(INSERT_EVENT);
      const outbox = db.prepare(INSERT_OUTBOX);
      const insertEvent = (streamId: string, e: NewEvent): void => {
        const json = [JSON.stringify(e.data), JSON.stringify(e.metadata)];
        event.run(streamId, e.metadata.eventId, e.type, ...json, new Date().toISOString());
      };
      const withItsOutboxRow = db.transaction((streamId: string, e: NewEvent) => {
        insertEvent(streamId, e);
        outbox.run(streamId);
      });
      const events = Array.from({ length: count }, (_, i) => newBenchEvent(`raw-${i}`));
      const started = performance.now();
      events.forEach((e, i) =>
        withOutbox ? withItsOutboxRow.immediate(`raw-${i}`, e) : insertEvent(`raw-${i}`, e),
      );
      return (performance.now() - started) / 1000;
    } finally {
      db.close();
    }
  };

  return {
    name: `embedded: SQLite store + SQLite bus (${driver})`,
    baselines: [
      { name: 'raw INSERT of the event row (autocommit)', writes: rawWrites(false) },
      { name: 'raw INSERT event row + outbox row, one IMMEDIATE tx', writes: rawWrites(true) },
    ],
    openStore: async () => {
      const file = openSqliteEventStore({ filename: nextFile(), service: PRODUCER, driver });
      return { store: file.store, outbox: file.outbox, close: async () => file.close() };
    },
    publisher: bus,
    consumer: async () => bus.consumer(benchSubscriber, { concurrency: CONSUMER_CONCURRENCY }),
    dispose: async () => {
      await bus.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
