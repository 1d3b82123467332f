import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { DynamoDbActiveTranscodes } from '../../src/adapters/aws/dynamodb-active-transcodes';
import { createActiveTranscodesTable } from '../../src/adapters/aws/dynamodb-active-transcodes-table';
import { describeActiveTranscodesContract } from '../support/active-transcodes-contract';

const client = new DynamoDBClient(awsClientSettings());
afterAll(() => client.destroy());

describeActiveTranscodesContract(`DynamoDB @ ${process.env.AWS_ENDPOINT_URL}`, async () => {
  const tableName = `mediaflow-t${randomUUID().slice(0, 8)}-processing-read`;
  await createActiveTranscodesTable(client, tableName);
  return new DynamoDbActiveTranscodes({ client, tableName });
});
