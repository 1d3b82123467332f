// UploadDeadlines in ingest's DynamoDB read table (resourceNames('ingest', env).readModel). The table
// only ever holds unfinished uploads (a day's worth at most), so a due-scan with a filter is cheap
// and needs no index; items carry a TTL a week past the deadline as a safety net.
import { ensureDynamoTable } from '@mediaflow/aws-provisioning';
import {
  DeleteItemCommand,
  PutItemCommand,
  ScanCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { UploadDeadline, UploadDeadlines } from '../../ports/upload-deadlines';

export const uploadDeadlinesTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
});

/** The deadline rows carry an epoch-seconds `ttl`, so forgotten ones expire on their own. */
export const createUploadDeadlinesTable = (client: DynamoDBClient, tableName: string): Promise<void> =>
  ensureDynamoTable(client, uploadDeadlinesTableDefinition(tableName), { ttlAttribute: 'ttl' });

const PK = (uploadId: string) => `deadline#${uploadId}`;
const WEEK_SECONDS = 7 * 24 * 3600;

export class DynamoDbUploadDeadlines implements UploadDeadlines {
  constructor(private readonly options: { readonly client: DynamoDBClient; readonly tableName: string }) {}

  async schedule(deadline: UploadDeadline): Promise<void> {
    const at = deadline.expiresAt.getTime();
    await this.options.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: {
          pk: { S: PK(deadline.uploadId) },
          kind: { S: 'upload-deadline' },
          uploadId: { S: deadline.uploadId },
          ownerId: { S: deadline.ownerId },
          expiresAt: { N: String(at) },
          ttl: { N: String(Math.floor(at / 1000) + WEEK_SECONDS) },
        },
      }),
    );
  }

  async due(now: Date, limit: number): Promise<UploadDeadline[]> {
    const found: UploadDeadline[] = [];
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await this.options.client.send(
        new ScanCommand({
          TableName: this.options.tableName,
          FilterExpression: '#kind = :kind AND expiresAt <= :now',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':kind': { S: 'upload-deadline' },
            ':now': { N: String(now.getTime()) },
          },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        found.push({
          uploadId: item.uploadId?.S ?? '',
          ownerId: item.ownerId?.S ?? '',
          expiresAt: new Date(Number(item.expiresAt?.N ?? 0)),
        });
      }
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
    return found
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.uploadId.localeCompare(b.uploadId))
      .slice(0, limit);
  }

  async clear(uploadId: string): Promise<void> {
    await this.options.client.send(
      new DeleteItemCommand({ TableName: this.options.tableName, Key: { pk: { S: PK(uploadId) } } }),
    );
  }
}
