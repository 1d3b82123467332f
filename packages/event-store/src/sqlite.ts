// @mediaflow/event-store/sqlite: the embedded event store and outbox, one SQLite file per service.
export {
  openEventStoreDatabase,
  type SqliteDatabase,
  type SqliteEventStoreFileOptions,
} from './adapters/sqlite-schema';
export { SqliteEventStore } from './adapters/sqlite-event-store';
export { SqliteOutbox } from './adapters/sqlite-outbox';
export { SqliteRetention } from './adapters/sqlite-retention';
export { openSqliteEventStore, type SqliteEventStoreFile } from './adapters/sqlite-event-store-file';
