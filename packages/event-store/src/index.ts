// @mediaflow/event-store: the EventStore and Outbox ports, the OutboxRelay, and their SQLite
// (embedded) and DynamoDB (AWS) adapters. The contract suite is exported from ./testing.
export * from './event-store';
export * from './outbox';
export * from './outbox-relay';
export * from './errors/stream-version-conflict';
export * from './errors/event-already-handled';
export * from './errors/event-store-input-invalid';
export * from './errors/append-too-large';
export { MAX_ID_LENGTH } from './input-validation';

export {
  openEventStoreDatabase,
  type SqliteDatabase,
  type SqliteEventStoreFileOptions,
} from './adapters/sqlite-schema';
export { SqliteEventStore } from './adapters/sqlite-event-store';
export { SqliteOutbox } from './adapters/sqlite-outbox';
export { openSqliteEventStore, type SqliteEventStoreFile } from './adapters/sqlite-event-store-file';

export {
  DynamoDbEventStore,
  MAX_TRANSACTION_ITEMS,
  type DynamoDbEventStoreOptions,
} from './adapters/dynamodb-event-store';
export { DynamoDbOutbox, type DynamoDbOutboxOptions } from './adapters/dynamodb-outbox';
export {
  createEventStoreTable,
  eventStoreTableDefinition,
  EVENT_STORE_TTL_ATTRIBUTE,
} from './adapters/dynamodb-table';
