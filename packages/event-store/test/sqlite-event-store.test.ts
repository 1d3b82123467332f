// Runs the event store contract against the SQLite adapter: a real file in a temp dir, and a second
// connection to the same file wherever the contract asks for another process.
import { mkdtempSync, rmSync } from 'node:fs';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, type SqliteEventStoreFile } from '../src/sqlite';
import { describeEventStoreContract, type EventStoreUnderTest } from '../src/testing/event-store-contract';

const makeSqliteStore = async (): Promise<EventStoreUnderTest> => {
  const dir = mkdtempSync(join(tmpdir(), 'mediaflow-event-store-'));
  const open = () => openSqliteEventStore({ filename: join(dir, 'jobs-events.sqlite'), service: 'jobs' });
  const first = open();
  const opened: SqliteEventStoreFile[] = [first];
  return {
    store: first.store,
    outbox: first.outbox,
    reopen: async () => {
      const another = open();
      opened.push(another);
      return another;
    },
    cleanup: async () => {
      opened.forEach((file) => file.close());
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeEventStoreContract(`EventStore contract [SQLite ${defaultSqliteDriver()}]`, makeSqliteStore);
