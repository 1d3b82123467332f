// @mediaflow/event-store/aws: the event store and outbox in DynamoDB (one table per service), and that table's definition.
export { DynamoDbEventStore } from './adapters/dynamodb-event-store';
export { DynamoDbOutbox } from './adapters/dynamodb-outbox';
export {
  createEventStoreTable,
  eventStoreTableDefinition,
  EVENT_STORE_TTL_ATTRIBUTE,
} from './adapters/dynamodb-table';
