// The delivery store and subscriptions view contracts on DynamoDB over HTTP (moto by default, or
// whatever AWS_ENDPOINT_URL names), each run in its own uniquely named table built from
// notificationsTableDefinition.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { DynamoDbDeliveryStore } from '../../src/adapters/aws/dynamodb-delivery-store';
import { DynamoDbRecentEventsLog } from '../../src/adapters/aws/dynamodb-recent-events-log';
import { DynamoDbSubscriptionsView } from '../../src/adapters/aws/dynamodb-subscriptions-view';
import { describeRecentEventsLogContract } from '../../src/testing/recent-events-log-contract';
import { createNotificationsTable } from '../../src/adapters/aws/notifications-table';
import { describeDeliveryStoreContract } from '../../src/testing/delivery-store-contract';
import { describeSubscriptionsViewContract } from '../../src/testing/subscriptions-view-contract';

const endpoint = process.env.AWS_ENDPOINT_URL ?? 'AWS';

const makeTable = async () => {
  const tableName = `mediaflow-test-notifications-${randomUUID().slice(0, 8)}`;
  const clients: DynamoDBClient[] = [];
  const client = () => {
    const c = new DynamoDBClient(awsClientSettings());
    clients.push(c);
    return c;
  };
  const first = client();
  await createNotificationsTable(first, tableName);
  return {
    tableName,
    first,
    client,
    cleanup: async () => {
      await first.send(new DeleteTableCommand({ TableName: tableName }));
      clients.forEach((c) => c.destroy());
    },
  };
};

describeDeliveryStoreContract(`DeliveryStore contract [DynamoDB @ ${endpoint}]`, async () => {
  const table = await makeTable();
  return {
    store: new DynamoDbDeliveryStore({ client: table.first, tableName: table.tableName }),
    reopen: async () => new DynamoDbDeliveryStore({ client: table.client(), tableName: table.tableName }),
    cleanup: table.cleanup,
  };
});

describeSubscriptionsViewContract(`SubscriptionsView contract [DynamoDB @ ${endpoint}]`, async () => {
  const table = await makeTable();
  return { view: new DynamoDbSubscriptionsView({ client: table.first, tableName: table.tableName }), cleanup: table.cleanup };
});

describeRecentEventsLogContract(`RecentEventsLog contract [DynamoDB @ ${endpoint}]`, async () => {
  const table = await makeTable();
  return { log: new DynamoDbRecentEventsLog({ client: table.first, tableName: table.tableName }), cleanup: table.cleanup };
});
