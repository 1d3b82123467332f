// @mediaflow/event-store: the EventStore and Outbox ports, the OutboxRelay and typed errors.
// Adapters: '@mediaflow/event-store/sqlite' (embedded) and '@mediaflow/event-store/aws' (DynamoDB).
export * from './event-store';
export * from './outbox';
export * from './outbox-relay';
export * from './errors/stream-version-conflict';
export * from './errors/event-already-handled';
export * from './errors/event-store-input-invalid';
export * from './errors/append-too-large';
export * from './errors/event-too-large-for-bus';

