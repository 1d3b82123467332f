// EventStore over one service's DynamoDB table: an append is one TransactWriteItems whose conditions
// pin the stream version and the inbox entry; each event item doubles as its own outbox entry.
import { randomUUID } from 'node:crypto';
import {
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { AppendOptions, AppendResult, EventStore, NewEvent, StoredEvent } from '../event-store';
import { AppendTooLarge } from '../errors/append-too-large';
import { EventAlreadyHandled } from '../errors/event-already-handled';
import { StreamVersionConflict } from '../errors/stream-version-conflict';
import { checkHandledQuery, checkRead, prepareAppend, type PreparedEvent } from '../input-validation';
import { classifyAppendFailure, type AppendItemRole } from './dynamodb-append-failure';
import { appendTransaction } from './dynamodb-append-transaction';
import { inboxKey, storedEventFromItem, streamPk, type Item } from './dynamodb-items';
import { createOutboxSequence, type OutboxSequence } from './dynamodb-outbox-sequence';

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

interface DynamoDbEventStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long inbox items are kept before TTL may delete them (default 30 days, 0 = forever); a redelivery or replay later than that is not caught. */
  readonly inboxRetentionDays?: number;
  readonly now?: () => Date;
  readonly outboxSequence?: OutboxSequence;
}

interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly events: readonly PreparedEvent[];
  readonly options: AppendOptions;
}

export class DynamoDbEventStore implements EventStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly inboxRetentionDays: number;
  private readonly now: () => Date;
  private readonly nextOutboxSeq: OutboxSequence;

  constructor(options: DynamoDbEventStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.inboxRetentionDays = options.inboxRetentionDays ?? 30;
    this.now = options.now ?? (() => new Date());
    this.nextOutboxSeq = options.outboxSequence ?? createOutboxSequence();
  }

  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const request = {
      streamId,
      expectedVersion,
      events: prepareAppend(streamId, expectedVersion, events, options),
      options,
    };
    const { items, roles } = appendTransaction({
      ...request,
      tableName: this.tableName,
      consumed: options.consumed,
      now: this.now(),
      inboxRetentionDays: this.inboxRetentionDays,
      nextOutboxSeq: this.nextOutboxSeq,
    });
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new AppendTooLarge(
        streamId,
        request.events.length,
        MAX_TRANSACTION_ITEMS - (items.length - request.events.length),
      );
    }
    try {
      // The token makes the SDK's own retry of a request whose response was lost a no-op instead of a
      // false conflict (DynamoDB remembers it for 10 minutes).
      await this.client.send(
        new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: randomUUID() }),
      );
    } catch (error) {
      throw await this.explain(error, roles, request);
    }
    return { nextExpectedVersion: expectedVersion + request.events.length };
  }

  private async explain(
    error: unknown,
    roles: readonly AppendItemRole[],
    { streamId, expectedVersion, options }: AppendRequest,
  ): Promise<unknown> {
    switch (classifyAppendFailure(error, roles)) {
      case 'already-handled':
        return new EventAlreadyHandled(
          options.consumed?.consumer ?? '',
          options.consumed?.eventId ?? '',
          error,
        );
      case 'version-conflict':
        return new StreamVersionConflict(
          streamId,
          expectedVersion,
          await this.currentVersion(streamId).catch(() => undefined),
          error,
        );
      case 'unexplained':
        return error;
    }
  }

  /** The stream's latest version, for the conflict's message; read after the fact, so only a hint. */
  private async currentVersion(streamId: string): Promise<number> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': streamPk(streamId) },
        ProjectionExpression: 'sk',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Number(Items?.[0]?.sk?.N ?? 0);
  }

  async read(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    checkRead(streamId, fromVersion);
    const events: StoredEvent[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': streamPk(streamId), ':from': { N: String(fromVersion) } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      events.push(...(page.Items ?? []).map(storedEventFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  async hasHandled(consumer: string, eventId: string): Promise<boolean> {
    checkHandledQuery(consumer, eventId);
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: inboxKey(consumer, eventId),
        ConsistentRead: true,
        ProjectionExpression: 'pk',
      }),
    );
    return Item !== undefined;
  }
}
