// AWS composition root: DynamoDB store and outbox relay to EventBridge, presigned S3 uploads, the
// deadlines in ingest's read table (over the infrastructure's one DynamoDB and one S3 client), and
// (when a signing secret is set) the /blobs redirect endpoint that turns signed prefix URLs into
// short-lived S3 presigned GETs.
import { ContainerModule } from 'inversify';
import { blobServiceRouter, createBlobRedirectRouter } from '@mediaflow/blob-http';
import {
  awsInfrastructure,
  bindTyped,
  createServiceContainer,
  loadInfrastructureSettings,
  resolve,
  TOKENS,
  type ServiceInstance,
} from '@mediaflow/runtime';
import { bucketKeyPrefixes, bucketNames, resourceNames } from '@mediaflow/topology';
import { DynamoDbUploadDeadlines } from '../adapters/aws/dynamodb-upload-deadlines';
import { S3UploadStorage } from '../adapters/aws/s3-upload-storage';
import { ingestDeclaration } from '../subscriptions';
import { loadIngestSettings } from './ingest-config';
import { ingestInstance, ingestModule } from './ingest-module';
import { INGEST_TOKENS } from './ingest-tokens';

/** `env`: the environment of the process, handed in by the entry file. */
export const createAwsService = async (env: NodeJS.ProcessEnv): Promise<ServiceInstance> => {
  const infrastructureSettings = loadInfrastructureSettings(env);
  const settings = loadIngestSettings(env, 'aws');
  const infrastructure = await awsInfrastructure({ declaration: ingestDeclaration, settings: infrastructureSettings });
  const environment = infrastructureSettings.environment;
  const awsAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, INGEST_TOKENS.UploadStorage)
      .toDynamicValue(
        (ctx) =>
          new S3UploadStorage({ client: resolve(ctx, TOKENS.S3), bucket: bucketNames(environment).uploads, keyPrefix: bucketKeyPrefixes.uploads }),
      )
      .inSingletonScope();
    bindTyped(bind, INGEST_TOKENS.Deadlines)
      .toDynamicValue((ctx) => new DynamoDbUploadDeadlines({ client: resolve(ctx, TOKENS.DynamoDb), tableName: resourceNames('ingest', environment).readModel }))
      .inSingletonScope();
  });
  const container = createServiceContainer(infrastructure, ingestModule(settings), awsAdapters);
  const storages = { uploads: resolve(container, TOKENS.UploadsStorage), outputs: resolve(container, TOKENS.OutputsStorage) };
  const routers = settings.urlSigningSecret
    ? [blobServiceRouter(createBlobRedirectRouter({
          storages,
          secret: settings.urlSigningSecret,
          ...(settings.urlSigningPreviousSecret !== undefined && { previousSecrets: [settings.urlSigningPreviousSecret] }),
        }))]
    : [];
  return ingestInstance(container, infrastructure, routers);
};
