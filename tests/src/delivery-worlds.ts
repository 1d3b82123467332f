// The two ways events travel between services, built from the real adapters: embedded (SQLite event
// stores + the SQLite bus) and AWS (DynamoDB tables + EventBridge + SQS on the emulator). Cross-
// package tests run the same scenario in both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { ServiceName } from '@mediaflow/contracts';
import { provisionMessaging } from '@mediaflow/aws-provisioning';
import { EventBridgePublisher, SqsEventConsumer } from '@mediaflow/bus/aws';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { validateWithContracts, type EventConsumer, type EventPublisher } from '@mediaflow/bus';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable, DynamoDbEventStore, DynamoDbOutbox } from '@mediaflow/event-store/aws';
import { openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import { type EventStore, type Outbox } from '@mediaflow/event-store';
import { resourceNames, type ServiceDeclaration } from '@mediaflow/topology';

interface ServiceStore {
  readonly store: EventStore;
  readonly outbox: Outbox;
}

export interface DeliveryWorld {
  readonly name: string;
  /** Opens (again, after a "restart") the store of a service. */
  openStore(service: ServiceName): Promise<ServiceStore>;
  readonly publisher: EventPublisher;
  consumer(declaration: ServiceDeclaration): Promise<EventConsumer>;
  dispose(): Promise<void>;
}

export const embeddedWorld = async (): Promise<DeliveryWorld> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-world-'));
  const bus = new SqliteBus({ file: path.join(dir, 'bus.sqlite'), validate: validateWithContracts });
  const opened: Array<{ close(): void }> = [];
  return {
    name: 'embedded: SQLite stores + SQLite bus',
    openStore: async (service) => {
      const file = openSqliteEventStore({ filename: path.join(dir, `${service}.sqlite`), service });
      opened.push(file);
      return file;
    },
    publisher: bus,
    consumer: async (declaration) => {
      bus.provision(declaration);
      return bus.consumer(declaration, { pollIntervalMs: 50 });
    },
    dispose: async () => {
      opened.forEach((f) => f.close());
      await bus.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const awsWorld = async (): Promise<DeliveryWorld> => {
  const env = `w${randomUUID().slice(0, 8)}`;
  const settings = awsClientSettings();
  const dynamo = new DynamoDBClient(settings);
  const eventBridge = new EventBridgeClient(settings);
  const sqs = new SQSClient(settings);
  const tables = new Set<string>();
  const busName = `mediaflow-${env}`;
  return {
    name: `AWS adapters @ ${process.env.AWS_ENDPOINT_URL}: DynamoDB + EventBridge + SQS`,
    openStore: async (service) => {
      const tableName = resourceNames(service, env).table;
      if (!tables.has(tableName)) await createEventStoreTable(dynamo, tableName);
      tables.add(tableName);
      return {
        store: new DynamoDbEventStore({ client: dynamo, tableName }),
        outbox: new DynamoDbOutbox({ client: dynamo, tableName, service }),
      };
    },
    publisher: new EventBridgePublisher({ client: eventBridge, busName, validate: validateWithContracts }),
    consumer: async (declaration) => {
      const provisioned = await provisionMessaging({ eventBridge, sqs }, declaration, env);
      return new SqsEventConsumer({
        client: sqs,
        queueUrl: provisioned.queueUrl,
        deadLetterQueueUrl: provisioned.dlqUrl,
        declaration,
        validate: validateWithContracts,
        waitTimeSeconds: 1,
      });
    },
    dispose: async () => {
      for (const TableName of tables) await dynamo.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
      [dynamo, eventBridge, sqs].forEach((c) => c.destroy());
    },
  };
};
