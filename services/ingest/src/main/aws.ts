// AWS composition root: DynamoDB store and outbox relay to EventBridge, presigned S3 uploads, the
// deadlines in ingest's read table, and (when a signing secret is set) the /blobs redirect endpoint
// that turns signed prefix URLs into short-lived S3 presigned GETs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { blobServiceRouter, createBlobRedirectRouter } from '@mediaflow/blob-http';
import { awsClientSettings } from '@mediaflow/config';
import { createAwsContainer, loadInfrastructureConfig, type ServiceInstance } from '@mediaflow/runtime';
import { bucketKeyPrefixes, bucketNames, resourceNames } from '@mediaflow/topology';
import { DynamoDbUploadDeadlines } from '../adapters/aws/dynamodb-upload-deadlines';
import { createPresigningS3Client } from '../adapters/aws/presigning-s3-client';
import { S3UploadStorage } from '../adapters/aws/s3-upload-storage';
import { ingestDeclaration } from '../subscriptions';
import { bindIngest, ingestInstance, resolveIngest } from './bind-ingest';
import { loadIngestSettings } from './ingest-config';
import { INGEST_TOKENS } from './ingest-tokens';

export const createAwsService = async (env: NodeJS.ProcessEnv = process.env): Promise<ServiceInstance> => {
  const config = loadInfrastructureConfig(env);
  const settings = loadIngestSettings(env);
  const container = await createAwsContainer({ declaration: ingestDeclaration, config });
  const s3 = createPresigningS3Client(env);
  const dynamo = new DynamoDBClient(awsClientSettings(env));
  container
    .bind(INGEST_TOKENS.UploadStorage)
    .toConstantValue(
      new S3UploadStorage({
        client: s3,
        bucket: bucketNames(config.MEDIAFLOW_ENV).uploads,
        keyPrefix: bucketKeyPrefixes.uploads,
      }),
    );
  container
    .bind(INGEST_TOKENS.Deadlines)
    .toConstantValue(
      new DynamoDbUploadDeadlines({
        client: dynamo,
        tableName: resourceNames('ingest', config.MEDIAFLOW_ENV).readModel,
      }),
    );
  bindIngest(container, settings);
  const { app, uploads, outputs } = resolveIngest(container);
  const routers = settings.urlSigningSecret
    ? [
        blobServiceRouter(
          createBlobRedirectRouter({ storages: { uploads, outputs }, secret: settings.urlSigningSecret }),
        ),
      ]
    : [];
  return ingestInstance(container, app, routers, () => {
    s3.destroy();
    dynamo.destroy();
  });
};
