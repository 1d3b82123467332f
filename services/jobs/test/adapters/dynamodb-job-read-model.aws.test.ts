// The JobReadModel contract on the DynamoDB adapter, over HTTP against the emulator (AWS_ENDPOINT_URL,
// set per test file by the harness). Each run makes its own uniquely named table.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { DynamoDbJobReadModel } from '../../src/adapters/aws/dynamodb-job-read-model';
import { createJobReadModelTable } from '../../src/adapters/aws/dynamodb-job-read-model-table';
import { describeJobReadModelContract } from '../support/job-read-model-contract';

describeJobReadModelContract(`DynamoDB @ ${process.env.AWS_ENDPOINT_URL ?? 'AWS'}`, async () => {
  const client = new DynamoDBClient(awsClientSettings());
  const tableName = `mediaflow-test-jobs-read-${randomUUID().slice(0, 8)}`;
  await createJobReadModelTable(client, tableName);
  return {
    readModel: new DynamoDbJobReadModel({ client, tableName }),
    cleanup: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
});
