// @mediaflow/processing: probing, the ffmpeg runner and the service that dispatches and watches it.
export * from './subscriptions';
export { createEmbeddedService, processingReadModelFile, type EmbeddedProcessingOptions } from './main/embedded';
export { createAwsService } from './main/aws';
export { activeTranscodesTableDefinition, createActiveTranscodesTable } from './adapters/aws/dynamodb-active-transcodes';
export { transcodeStreamId } from './domain/transcode-events';
