// AWS composition root: jobs alone in its task, the DynamoDB event store, EventBridge/SQS from
// @mediaflow/runtime, and its read-model table (`resourceNames('jobs', env).readModel`, created by
// cdktf or the emulator bootstrap from jobReadModelTableDefinition). Output URLs are the blob
// router's signed prefixes, which the AWS redirect router answers with S3 presigned GETs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BlobUrlSigner } from '@mediaflow/blob-http';
import { awsClientSettings, ConfigurationError } from '@mediaflow/config';
import { createAwsContainer } from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbJobReadModel } from '../adapters/aws/dynamodb-job-read-model';
import { BlobHttpOutputUrls } from '../adapters/http/blob-http-output-urls';
import { MediaPlanningRenditionPlanner } from '../adapters/planning/media-planning-rendition-planner';
import { jobsDeclaration } from '../subscriptions';
import { composeJobs, type JobsInstance } from './compose-jobs';
import { loadJobsConfig, type JobsConfig } from './jobs-config';

const signerOf = (config: JobsConfig): BlobUrlSigner => {
  const { MEDIAFLOW_PUBLIC_URL: baseUrl, MEDIAFLOW_URL_SIGNING_SECRET: secret } = config;
  if (!baseUrl || !secret) {
    throw new ConfigurationError([
      ...(baseUrl ? [] : ['MEDIAFLOW_PUBLIC_URL: required on AWS (the API origin output URLs point at)']),
      ...(secret ? [] : ['MEDIAFLOW_URL_SIGNING_SECRET: required on AWS (shared with the blob redirect router)']),
    ]);
  }
  return new BlobUrlSigner({ secret, baseUrl });
};

export const createAwsService = async (env: NodeJS.ProcessEnv = process.env): Promise<JobsInstance> => {
  const config = loadJobsConfig(env);
  const outputUrls = new BlobHttpOutputUrls(signerOf(config), config.MEDIAFLOW_JOBS_OUTPUT_URL_TTL_SECONDS);
  const container = await createAwsContainer({ declaration: jobsDeclaration, config });
  const client = new DynamoDBClient(awsClientSettings(env));
  const readModel = new DynamoDbJobReadModel({ client, tableName: resourceNames('jobs', config.MEDIAFLOW_ENV).readModel });
  return composeJobs(container, { readModel, planner: new MediaPlanningRenditionPlanner(), outputUrls }, config, () => client.destroy());
};
