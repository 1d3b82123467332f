// One service's embedded event store: the file, the EventStore, the Outbox and its retention over one connection.
// Composition roots open it once per process; tests open it twice to play two processes.
import type { ServiceName } from '@mediaflow/contracts';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteRetention } from './sqlite-retention';
import {
  openEventStoreDatabase,
  type SqliteDatabase,
  type SqliteEventStoreFileOptions,
} from './sqlite-schema';

export interface SqliteEventStoreFile {
  readonly db: SqliteDatabase;
  readonly store: SqliteEventStore;
  readonly outbox: SqliteOutbox;
  /** Prunes published outbox rows and old inbox entries of this file. */
  readonly retention: SqliteRetention;
  close(): void;
}

export const openSqliteEventStore = (
  options: SqliteEventStoreFileOptions & { readonly service: ServiceName },
): SqliteEventStoreFile => {
  const db = openEventStoreDatabase(options);
  return {
    db,
    store: new SqliteEventStore(db),
    outbox: new SqliteOutbox(db, options.service),
    retention: new SqliteRetention(db),
    close: () => db.close(),
  };
};
