// AWS mode: the service's DynamoDB table, EventBridge for publishing, its SQS inbox for consuming,
// S3 for blobs. Names come from @mediaflow/topology; the endpoint from AWS_ENDPOINT_URL alone, so an
// emulator and a real account use the same code.
import { Container } from 'inversify';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { S3BlobStorage } from '@mediaflow/blob-storage';
import { EventBridgePublisher, SqsDeadLetters, SqsEventConsumer, validateWithContracts } from '@mediaflow/bus';
import { awsClientSettings } from '@mediaflow/config';
import { DynamoDbEventStore, DynamoDbOutbox } from '@mediaflow/event-store';
import { bucketKeyPrefixes, bucketNames, busName, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { bindCommon } from './bind-common';
import { kickRelayAfterAppend } from './relay-kick';
import type { ServiceInfrastructureConfig } from './infrastructure-config';
import { TOKENS } from './tokens';

export interface AwsInfrastructureOptions {
  readonly declaration: ServiceDeclaration;
  readonly config: ServiceInfrastructureConfig;
}

const queueUrl = async (sqs: SQSClient, QueueName: string): Promise<string> => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }));
  if (!QueueUrl) throw new Error(`queue ${QueueName} has no URL`);
  return QueueUrl;
};

/** Async because the queue URLs are looked up once, at start, by name. */
export const createAwsContainer = async (options: AwsInfrastructureOptions): Promise<Container> => {
  const { declaration, config } = options;
  const env = config.MEDIAFLOW_ENV;
  const names = resourceNames(declaration.service, env);
  const settings = awsClientSettings();
  const dynamo = new DynamoDBClient(settings);
  const sqs = new SQSClient(settings);
  const s3 = new S3Client(settings);
  const container = new Container();
  bindCommon(container, declaration, config);
  const store = new DynamoDbEventStore({ client: dynamo, tableName: names.table });
  container
    .bind(TOKENS.EventStore)
    .toDynamicValue((ctx) => kickRelayAfterAppend(store, () => ctx.get(TOKENS.OutboxRelay)))
    .inSingletonScope();
  container.bind(TOKENS.Outbox).toConstantValue(new DynamoDbOutbox({ client: dynamo, tableName: names.table, service: declaration.service }));
  container
    .bind(TOKENS.EventPublisher)
    .toConstantValue(new EventBridgePublisher({ client: new EventBridgeClient(settings), busName: busName(env), validate: validateWithContracts }));
  if (declaration.subscriptions.length > 0) {
    const [inbox, dlq] = await Promise.all([queueUrl(sqs, names.queue), queueUrl(sqs, names.deadLetterQueue)]);
    container
      .bind(TOKENS.EventConsumer)
      .toDynamicValue(
        (ctx) =>
          new SqsEventConsumer({
            client: sqs,
            queueUrl: inbox,
            deadLetterQueueUrl: dlq,
            declaration,
            validate: validateWithContracts,
            concurrency: config.MEDIAFLOW_CONSUMER_CONCURRENCY,
            logger: ctx.get(TOKENS.Logger),
          }),
      )
      .inSingletonScope();
    container
      .bind(TOKENS.DeadLetters)
      .toConstantValue(new SqsDeadLetters({ client: sqs, deadLetterQueueUrl: dlq, validate: validateWithContracts, maxAttempts: declaration.maxAttempts }));
  }
  const buckets = bucketNames(env);
  const storage = (bucket: 'uploads' | 'outputs') =>
    new S3BlobStorage({ client: s3, bucket: buckets[bucket], keyPrefix: bucketKeyPrefixes[bucket] });
  container.bind(TOKENS.UploadsStorage).toConstantValue(storage('uploads'));
  container.bind(TOKENS.OutputsStorage).toConstantValue(storage('outputs'));
  return container;
};
