// @mediaflow/jobs/declaration: what jobs consumes and the read-model table it owns beside its event
// store, read by the embedded bus, the emulator bootstrap and cdktf. No SDK client is created here.
export { jobsDeclaration } from './subscriptions';
export { jobReadModelTableDefinition, OWNER_INDEX, RETRY_INDEX } from './adapters/aws/dynamodb-job-read-model-table';
