// One service's embedded event store: the file, the EventStore and the Outbox over one connection.
// Composition roots open it once per process; tests open it twice to play two processes.
import type { ServiceName } from '@mediaflow/contracts';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteOutbox } from './sqlite-outbox';
import {
  openEventStoreDatabase,
  type SqliteDatabase,
  type SqliteEventStoreFileOptions,
} from './sqlite-schema';

export interface SqliteEventStoreFile {
  readonly db: SqliteDatabase;
  readonly store: SqliteEventStore;
  readonly outbox: SqliteOutbox;
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
    close: () => db.close(),
  };
};
