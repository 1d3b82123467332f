// AWS mode: the service's DynamoDB table, EventBridge for publishing, its SQS inbox for consuming,
// S3 for blobs. Names come from @mediaflow/topology; every client is built once, here, from the
// settings handed in (the endpoint from AWS_ENDPOINT_URL alone, so an emulator and a real account
// use the same code), and the service's own tables and buckets reuse the DynamoDB and S3 clients.
import { ContainerModule } from 'inversify';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { S3BlobStorage } from '@mediaflow/blob-storage/aws';
import { EventBridgePublisher, SqsDeadLetters, SqsEventConsumer } from '@mediaflow/bus/aws';
import { validateWithContracts } from '@mediaflow/bus';
import { DynamoDbEventStore, DynamoDbOutbox } from '@mediaflow/event-store/aws';
import { bucketKeyPrefixes, bucketNames, busName, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import type { InfrastructureSettings } from './infrastructure-config';
import { kickRelayAfterAppend } from './relay-kick';
import { runtimeModule } from './runtime-module';
import type { ServiceInfrastructure } from './service-infrastructure';
import { bindTyped, resolve, TOKENS } from './tokens';

interface AwsInfrastructureOptions {
  readonly declaration: ServiceDeclaration;
  readonly settings: InfrastructureSettings;
}

const queueUrl = async (sqs: SQSClient, QueueName: string): Promise<string> => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }));
  if (!QueueUrl) throw new Error(`queue ${QueueName} has no URL`);
  return QueueUrl;
};

/** Async because the queue URLs are looked up once, at start, by name. */
export const awsInfrastructure = async (options: AwsInfrastructureOptions): Promise<ServiceInfrastructure> => {
  const { declaration, settings } = options;
  const names = resourceNames(declaration.service, settings.environment);
  const dynamo = new DynamoDBClient(settings.aws);
  const sqs = new SQSClient(settings.aws);
  // Checksums only when an operation requires them: presigned upload URLs then carry no SDK-chosen CRC.
  const s3 = new S3Client({ ...settings.aws, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const eventBridge = new EventBridgeClient(settings.aws);
  const consumes = declaration.subscriptions.length > 0;
  const queues = consumes ? await Promise.all([queueUrl(sqs, names.queue), queueUrl(sqs, names.deadLetterQueue)]) : undefined;
  const buckets = bucketNames(settings.environment);
  const storage = (bucket: 'uploads' | 'outputs') =>
    new S3BlobStorage({ client: s3, bucket: buckets[bucket], keyPrefix: bucketKeyPrefixes[bucket] });
  const infrastructure = new ContainerModule((options) => {
    const { bind } = options;
    runtimeModule(declaration, settings).load(options);
    bindTyped(bind, TOKENS.DynamoDb).toConstantValue(dynamo);
    bindTyped(bind, TOKENS.S3).toConstantValue(s3);
    const store = new DynamoDbEventStore({ client: dynamo, tableName: names.table, inboxRetentionDays: settings.inboxRetentionDays });
    bindTyped(bind, TOKENS.EventStore)
      .toDynamicValue((ctx) => kickRelayAfterAppend(store, () => resolve(ctx, TOKENS.OutboxRelay)))
      .inSingletonScope();
    bindTyped(bind, TOKENS.Outbox).toConstantValue(new DynamoDbOutbox({ client: dynamo, tableName: names.table, service: declaration.service }));
    bindTyped(bind, TOKENS.EventPublisher).toConstantValue(
      new EventBridgePublisher({ client: eventBridge, busName: busName(settings.environment), validate: validateWithContracts }),
    );
    if (queues) {
      const [inbox, dlq] = queues;
      bindTyped(bind, TOKENS.EventConsumer)
        .toDynamicValue(
          (ctx) =>
            new SqsEventConsumer({
              client: sqs,
              queueUrl: inbox,
              deadLetterQueueUrl: dlq,
              declaration,
              validate: validateWithContracts,
              concurrency: settings.consumerConcurrency,
              logger: resolve(ctx, TOKENS.Logger),
            }),
        )
        .inSingletonScope();
      bindTyped(bind, TOKENS.DeadLetters).toConstantValue(
        new SqsDeadLetters({ client: sqs, deadLetterQueueUrl: dlq, validate: validateWithContracts, maxAttempts: declaration.maxAttempts }),
      );
    }
    bindTyped(bind, TOKENS.UploadsStorage).toConstantValue(storage('uploads'));
    bindTyped(bind, TOKENS.OutputsStorage).toConstantValue(storage('outputs'));
  });
  return {
    module: infrastructure,
    close: () => {
      for (const client of [dynamo, sqs, s3, eventBridge]) client.destroy();
    },
  };
};
