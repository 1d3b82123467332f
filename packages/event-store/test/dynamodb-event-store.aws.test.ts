// Runs the event store contract against the DynamoDB adapter over HTTP (moto by default, or whatever
// AWS_ENDPOINT_URL names). Each run makes its own uniquely named table and deletes it afterwards.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable, DynamoDbEventStore, DynamoDbOutbox } from '../src/aws';
import {
  describeEventStoreContract,
  type EventStoreUnderTest,
  type StoreInstance,
} from '../src/testing/event-store-contract';

const makeDynamoDbStore = async (): Promise<EventStoreUnderTest> => {
  const tableName = `mediaflow-test-events-${randomUUID().slice(0, 8)}`;
  const clients: DynamoDBClient[] = [];
  // Each instance gets its own client, as a second process would.
  const open = (): StoreInstance => {
    const client = new DynamoDBClient(awsClientSettings());
    clients.push(client);
    return {
      store: new DynamoDbEventStore({ client, tableName }),
      outbox: new DynamoDbOutbox({ client, tableName, service: 'jobs' }),
    };
  };
  const first = open();
  await createEventStoreTable(clients[0] as DynamoDBClient, tableName);
  return {
    ...first,
    reopen: async () => open(),
    cleanup: async () => {
      await clients[0]?.send(new DeleteTableCommand({ TableName: tableName }));
      clients.forEach((client) => client.destroy());
    },
  };
};

describeEventStoreContract(
  `EventStore contract [DynamoDB @ ${process.env.AWS_ENDPOINT_URL ?? 'AWS'}]`,
  makeDynamoDbStore,
);
