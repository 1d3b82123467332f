// The AWS adapters under the bench, against the endpoint in AWS_ENDPOINT_URL: a DynamoDB event store
// table per round, EventBridge + the subscriber's SQS inbox provisioned from its declaration. The
// baseline writes the same items with plain PutItem calls (no condition, no transaction).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DeleteTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { deleteBus, deprovisionMessaging, provisionMessaging } from '@mediaflow/aws-provisioning';
import { EventBridgePublisher, SqsEventConsumer } from '@mediaflow/bus/aws';
import { validateWithContracts } from '@mediaflow/bus';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable, DynamoDbEventStore, DynamoDbOutbox } from '@mediaflow/event-store/aws';
import { busName, resourceNames } from '@mediaflow/topology';
import { CONSUMER_CONCURRENCY, type BenchTarget } from './bench-target';
import { benchSubscriber, newBenchEvent, PRODUCER } from './bench-events';

const rawItem = (i: number) => {
  const event = newBenchEvent(`raw-${i}`);
  return {
    pk: { S: `stream#raw-${i}` },
    sk: { N: '1' },
    streamId: { S: `raw-${i}` },
    eventId: { S: event.metadata.eventId },
    type: { S: event.type },
    schemaVersion: { N: '1' },
    data: { S: JSON.stringify(event.data) },
    metadata: { S: JSON.stringify(event.metadata) },
    storedAt: { S: new Date().toISOString() },
  };
};

export const awsTarget = async (): Promise<BenchTarget> => {
  const env = `b${randomUUID().slice(0, 8)}`;
  const settings = awsClientSettings();
  const dynamo = new DynamoDBClient(settings);
  const eventBridge = new EventBridgeClient(settings);
  const sqs = new SQSClient(settings);
  const messaging = await provisionMessaging({ eventBridge, sqs }, benchSubscriber, env);
  const tables: string[] = [];
  // Each round gets its own environment suffix, so its table name still comes from resourceNames.
  const newTable = async (): Promise<string> => {
    const tableName = resourceNames(PRODUCER, `${env}-${tables.length + 1}`).table;
    await createEventStoreTable(dynamo, tableName);
    tables.push(tableName);
    return tableName;
  };

  const rawWrites = async (count: number): Promise<number> => {
    const TableName = await newTable();
    const items = Array.from({ length: count }, (_, i) => rawItem(i));
    const started = performance.now();
    for (const Item of items) await dynamo.send(new PutItemCommand({ TableName, Item }));
    return (performance.now() - started) / 1000;
  };

  return {
    name: `AWS adapters @ ${settings.endpoint ?? 'AWS'}: DynamoDB store + EventBridge + SQS`,
    baselines: [{ name: 'raw DynamoDB PutItem (unconditional, same item)', writes: rawWrites }],
    openStore: async () => {
      const tableName = await newTable();
      return {
        store: new DynamoDbEventStore({ client: dynamo, tableName }),
        outbox: new DynamoDbOutbox({ client: dynamo, tableName, service: PRODUCER }),
        close: async () => undefined,
      };
    },
    publisher: new EventBridgePublisher({
      client: eventBridge,
      busName: busName(env),
      validate: validateWithContracts,
    }),
    consumer: async () =>
      new SqsEventConsumer({
        client: sqs,
        queueUrl: messaging.queueUrl,
        deadLetterQueueUrl: messaging.dlqUrl,
        declaration: benchSubscriber,
        validate: validateWithContracts,
        concurrency: CONSUMER_CONCURRENCY,
        stopTimeoutMs: 1000,
      }),
    dispose: async () => {
      for (const TableName of tables)
        await dynamo.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
      await deprovisionMessaging({ eventBridge, sqs }, benchSubscriber, env).catch(() => undefined);
      await deleteBus(eventBridge, env).catch(() => undefined);
      [dynamo, eventBridge, sqs].forEach((client) => client.destroy());
    },
  };
};
