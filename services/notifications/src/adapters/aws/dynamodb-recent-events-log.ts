// The recent-events log in notifications' DynamoDB table: one item per event under the owner's
// partition, sorted by store time, expired by TTL. The api process tails it to feed its SSE streams
// with what the worker process consumed.
import { PutItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NotifiedEvent } from '../../domain/notification-payload';
import type { RecentEventsLog } from '../../ports/recent-events-log';
import { n, s, str } from './dynamodb-items';

interface DynamoDbRecentEventsLogOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long events stay replayable (TTL), default 1 hour. */
  readonly retentionSeconds?: number;
}

const livePk = (ownerId: string) => s(`live#${ownerId}`);

export class DynamoDbRecentEventsLog implements RecentEventsLog {
  constructor(private readonly options: DynamoDbRecentEventsLogOptions) {}

  async append(event: NotifiedEvent, storedAt: Date): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: {
          pk: livePk(event.ownerId),
          sk: s(`${storedAt.toISOString()}#${event.eventId}`),
          eventId: s(event.eventId),
          payload: s(JSON.stringify(event.payload)),
          expiresAt: n(Math.floor(storedAt.getTime() / 1000) + (this.options.retentionSeconds ?? 3600)),
        },
      }),
    );
  }

  async readSince(ownerId: string, since: Date, limit: number): Promise<NotifiedEvent[]> {
    const result = await this.options.client.send(
      new QueryCommand({
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': livePk(ownerId), ':since': s(since.toISOString()) },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? [])
      .reverse()
      .map((item) => ({ eventId: str(item, 'eventId'), ownerId, payload: JSON.parse(str(item, 'payload')) as NotifiedEvent['payload'] }));
  }
}
