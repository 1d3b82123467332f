// The S3 client every composition root builds the same way: region, emulator endpoint and
// path-style addressing all come from @mediaflow/config.
import { S3Client } from '@aws-sdk/client-s3';
import { awsClientSettings } from '@mediaflow/config';

export const createS3Client = (env: NodeJS.ProcessEnv = process.env): S3Client =>
  new S3Client(awsClientSettings(env));
