// @mediaflow/ingest/declaration: what ingest consumes and the tables it owns beside its event store,
// read by the embedded bus, the emulator bootstrap and cdktf. No SDK client is created here.
export { ingestDeclaration } from './subscriptions';
export { uploadDeadlinesTableDefinition } from './adapters/aws/dynamodb-upload-deadlines';
