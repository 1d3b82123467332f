// The definition of processing's active-transcodes table (resourceNames('processing', env).readModel),
// apart from the adapter so the emulator bootstrap and cdktf read it without loading any client.
import { ensureDynamoTable } from '@mediaflow/aws-provisioning';
import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Declared once: the emulator bootstrap, cdktf and the tests build the table from it. */
export const activeTranscodesTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
});

/** Creates the table unless it exists and waits until it is ACTIVE. */
export const createActiveTranscodesTable = (client: DynamoDBClient, tableName: string): Promise<void> =>
  ensureDynamoTable(client, activeTranscodesTableDefinition(tableName));
