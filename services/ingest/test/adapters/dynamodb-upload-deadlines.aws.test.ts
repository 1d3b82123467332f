// The UploadDeadlines contract on DynamoDB (moto by default), one fresh table per test.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { awsClientSettings } from '@mediaflow/config';
import {
  createUploadDeadlinesTable,
  DynamoDbUploadDeadlines,
} from '../../src/adapters/aws/dynamodb-upload-deadlines';
import { describeUploadDeadlinesContract } from '../../src/testing/upload-deadlines-contract';

describeUploadDeadlinesContract(`DynamoDB @ ${process.env.AWS_ENDPOINT_URL}`, async () => {
  const client = new DynamoDBClient(awsClientSettings());
  const tableName = `ingest-read-${randomUUID().slice(0, 8)}`;
  await createUploadDeadlinesTable(client, tableName);
  return {
    deadlines: new DynamoDbUploadDeadlines({ client, tableName }),
    dispose: async () => client.destroy(),
  };
});
