// The runner's AWS-only I/O: S3 storage for inputs and outputs, and reporting into processing's
// DynamoDB event store when it runs as an ECS task. Loaded only in aws mode, so the embedded runner
// child (one per job) does not pay for the AWS SDK at start.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { S3BlobStorage } from '@mediaflow/blob-storage/aws';
import type { AwsClientSettings } from '@mediaflow/config';
import { DynamoDbEventStore } from '@mediaflow/event-store/aws';
import { randomIds, systemClock } from '@mediaflow/service-kit';
import { bucketKeyPrefixes, bucketNames, resourceNames } from '@mediaflow/topology';
import { EventStoreRunReporter } from '../adapters/aws/event-store-run-reporter';
import { defaultProgressThrottle } from '../domain/progress-throttle';
import type { RunReporter } from '../ports/run-reporter';
import type { ReporterChoice } from './runner-reporter';
import type { RunnerStorage } from './runner-storage';

export const s3RunnerStorage = (env: string, aws: AwsClientSettings): RunnerStorage => {
  const s3 = new S3Client(aws);
  const buckets = bucketNames(env);
  const uploads = new S3BlobStorage({ client: s3, bucket: buckets.uploads, keyPrefix: bucketKeyPrefixes.uploads });
  return {
    outputs: new S3BlobStorage({ client: s3, bucket: buckets.outputs, keyPrefix: bucketKeyPrefixes.outputs }),
    resolveBlobInput: (key) => uploads.presignGet(key, 6 * 3600),
  };
};

export const eventStoreRunReporter = (choice: ReporterChoice): RunReporter =>
  new EventStoreRunReporter({
    store: new DynamoDbEventStore({
      client: new DynamoDBClient(choice.aws),
      tableName: resourceNames('processing', choice.env).table,
    }),
    clock: systemClock,
    ids: randomIds,
    logger: choice.logger,
    spec: choice.spec,
    throttle: defaultProgressThrottle(choice.stallSeconds * 1000),
    onAttemptEnded: choice.onAttemptEnded,
  });
