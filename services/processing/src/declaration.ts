// @mediaflow/processing/declaration: what processing consumes and the active-transcodes table it owns
// beside its event store, read by the embedded bus, the emulator bootstrap and cdktf. No SDK client is created here.
export { processingDeclaration } from './subscriptions';
export { activeTranscodesTableDefinition } from './adapters/aws/dynamodb-active-transcodes-table';
export { WARM_CLAIM_KEY_PREFIX, WARM_CLAIM_TTL_ATTRIBUTE, WARM_RUNNER_VISIBILITY_SECONDS } from './adapters/aws/warm-runner-keys';
