// @mediaflow/ingest: the Upload aggregate, its application, adapters and the two composition roots.
export * from './subscriptions';
export { createEmbeddedService, ingestReadFile } from './main/embedded';
export { createAwsService } from './main/aws';
export { loadIngestSettings, IngestEnvironmentSchema, type IngestSettings } from './main/ingest-config';
export { IngestApplication } from './application/ingest-application';
export type { IngestDependencies } from './application/ingest-dependencies';
export { ingestRouter } from './adapters/http/ingest-router';
export type { UploadStorage } from './ports/upload-storage';
export type { UploadDeadlines, UploadDeadline } from './ports/upload-deadlines';
export { EmbeddedUploadStorage } from './adapters/local/embedded-upload-storage';
export { SqliteUploadDeadlines } from './adapters/local/sqlite-upload-deadlines';
export { S3UploadStorage } from './adapters/aws/s3-upload-storage';
export { createPresigningS3Client } from './adapters/aws/presigning-s3-client';
export {
  DynamoDbUploadDeadlines,
  uploadDeadlinesTableDefinition,
  createUploadDeadlinesTable,
} from './adapters/aws/dynamodb-upload-deadlines';
export { uploadDecider, type UploadCommand } from './domain/upload-decider';
export type { UploadEvent } from './domain/upload-events';
export { jobIdFor, uploadKey, ownerKeySegment, uploadIdOfKey, isUploadId } from './domain/upload-keys';
