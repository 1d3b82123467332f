// notifications' own DynamoDB table (`resourceNames('notifications', env).readModel`), declared once:
// the emulator bootstrap, cdktf and the tests build it from notificationsTableDefinition. One table
// holds the subscriptions read model, the delivery queue and log, endpoint health and the inbox.
import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureDynamoTable } from '@mediaflow/aws-provisioning';

/** Sparse GSI over pending deliveries, ordered by when they are due. */
export const DUE_INDEX = 'due';
/** Epoch seconds after which DynamoDB may delete a settled delivery, a log entry or an inbox record. */
export const NOTIFICATIONS_TTL_ATTRIBUTE = 'expiresAt';

export const notificationsTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'dueShard', AttributeType: 'S' },
    { AttributeName: 'dueKey', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: DUE_INDEX,
      KeySchema: [
        { AttributeName: 'dueShard', KeyType: 'HASH' },
        { AttributeName: 'dueKey', KeyType: 'RANGE' },
      ],
      // Keys only: a claim is a conditional update that returns the whole item anyway.
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
});

/** Creates the table unless it exists, waits until it is ACTIVE and turns TTL on. */
export const createNotificationsTable = (client: DynamoDBClient, tableName: string, maxWaitSeconds = 120): Promise<void> =>
  ensureDynamoTable(client, notificationsTableDefinition(tableName), { ttlAttribute: NOTIFICATIONS_TTL_ATTRIBUTE, maxWaitSeconds });
