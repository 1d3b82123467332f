// The jobs read model's DynamoDB table, declared once: the emulator bootstrap, cdktf and the tests all
// create it from jobReadModelTableDefinition. Named by resourceNames('jobs', env).readModel.
import { ensureDynamoTable } from '@mediaflow/aws-provisioning';
import { type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Owner listings, newest first: `ownerId` + `sortKey` (creation time, then job id). */
export const OWNER_INDEX = 'byOwner';
/** Sparse: only jobs waiting for a retry carry `retryShard`, so the scheduler reads just those. */
export const RETRY_INDEX = 'retryDue';
export const RETRY_SHARD = 'due';

export const jobReadModelTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'jobId', AttributeType: 'S' },
    { AttributeName: 'ownerId', AttributeType: 'S' },
    { AttributeName: 'sortKey', AttributeType: 'S' },
    { AttributeName: 'retryShard', AttributeType: 'S' },
    { AttributeName: 'retryDueAt', AttributeType: 'S' },
  ],
  KeySchema: [{ AttributeName: 'jobId', KeyType: 'HASH' }],
  GlobalSecondaryIndexes: [
    {
      IndexName: OWNER_INDEX,
      KeySchema: [
        { AttributeName: 'ownerId', KeyType: 'HASH' },
        { AttributeName: 'sortKey', KeyType: 'RANGE' },
      ],
      // Listings return whole views: projecting them avoids a second read per page.
      Projection: { ProjectionType: 'ALL' },
    },
    {
      IndexName: RETRY_INDEX,
      KeySchema: [
        { AttributeName: 'retryShard', KeyType: 'HASH' },
        { AttributeName: 'retryDueAt', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['ownerId', 'view'] },
    },
  ],
});

/** Creates the table unless it exists and waits until it is ACTIVE. */
export const createJobReadModelTable = (client: DynamoDBClient, tableName: string, maxWaitSeconds = 120): Promise<void> =>
  ensureDynamoTable(client, jobReadModelTableDefinition(tableName), { maxWaitSeconds });
