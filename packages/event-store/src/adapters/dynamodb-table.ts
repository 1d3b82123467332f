// The DynamoDB table of one service's event store, declared once: the emulator bootstrap, cdktf and
// the tests all build it from eventStoreTableDefinition.
import { ensureDynamoTable } from '@mediaflow/aws-provisioning';
import {
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { OUTBOX_INDEX, TTL_ATTRIBUTE } from './dynamodb-items';

export { TTL_ATTRIBUTE as EVENT_STORE_TTL_ATTRIBUTE };

export const eventStoreTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'outboxShard', AttributeType: 'S' },
    { AttributeName: 'outboxSeq', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: OUTBOX_INDEX,
      KeySchema: [
        { AttributeName: 'outboxShard', KeyType: 'HASH' },
        { AttributeName: 'outboxSeq', KeyType: 'RANGE' },
      ],
      // Keys only: the relay re-reads claimed items from the table anyway (a consistent read,
      // since the index lags), so projecting the events would only double their storage.
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
  // For a stream-based relay or projections later; the outbox does not need it.
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
});

/** Creates the table unless it exists, waits until it is ACTIVE and turns TTL on for inbox items. */
export const createEventStoreTable = (client: DynamoDBClient, tableName: string, maxWaitSeconds = 120): Promise<void> =>
  ensureDynamoTable(client, eventStoreTableDefinition(tableName), { ttlAttribute: TTL_ATTRIBUTE, maxWaitSeconds });
