// AWS composition root: jobs alone in its task, the DynamoDB event store, EventBridge/SQS from
// @mediaflow/runtime, and its read-model table (`resourceNames('jobs', env).readModel`, created by
// cdktf or the emulator bootstrap from jobReadModelTableDefinition) over the infrastructure's one
// DynamoDB client. Output URLs are the blob router's signed prefixes, which the AWS redirect router
// answers with S3 presigned GETs.
import { ContainerModule } from 'inversify';
import { BlobUrlSigner } from '@mediaflow/blob-http';
import { ConfigurationError } from '@mediaflow/config';
import { awsInfrastructure, bindTyped, createServiceContainer, loadInfrastructureSettings, resolve, TOKENS } from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbJobReadModel } from '../adapters/aws/dynamodb-job-read-model';
import { BlobHttpOutputUrls } from '../adapters/http/blob-http-output-urls';
import { jobsDeclaration } from '../subscriptions';
import { loadJobsSettings, type JobsSettings } from './jobs-config';
import { jobsInstance, jobsModule, type JobsInstance } from './jobs-module';
import { JOBS_TOKENS } from './jobs-tokens';

const signerOf = (settings: JobsSettings): BlobUrlSigner => {
  const { publicUrl: baseUrl, urlSigningSecret: secret } = settings;
  if (!baseUrl || !secret) {
    throw new ConfigurationError([
      ...(baseUrl ? [] : ['MEDIAFLOW_PUBLIC_URL: required on AWS (the API origin output URLs point at)']),
      ...(secret ? [] : ['MEDIAFLOW_URL_SIGNING_SECRET: required on AWS (shared with the blob redirect router)']),
    ]);
  }
  return new BlobUrlSigner({ secret, baseUrl });
};

/** `env`: the environment of the process, handed in by the entry file. */
export const createAwsService = async (env: NodeJS.ProcessEnv): Promise<JobsInstance> => {
  const infrastructureSettings = loadInfrastructureSettings(env);
  const settings = loadJobsSettings(env);
  const outputUrls = new BlobHttpOutputUrls(signerOf(settings), settings.outputUrlTtlSeconds);
  const infrastructure = await awsInfrastructure({ declaration: jobsDeclaration, settings: infrastructureSettings });
  const tableName = resourceNames('jobs', infrastructureSettings.environment).readModel;
  const awsAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, JOBS_TOKENS.ReadModel)
      .toDynamicValue((ctx) => new DynamoDbJobReadModel({ client: resolve(ctx, TOKENS.DynamoDb), tableName }))
      .inSingletonScope();
    bindTyped(bind, JOBS_TOKENS.OutputUrls).toConstantValue(outputUrls);
  });
  const container = createServiceContainer(infrastructure, jobsModule(settings), awsAdapters);
  return jobsInstance(container, infrastructure, () => undefined);
};
