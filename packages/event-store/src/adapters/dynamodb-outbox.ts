// Outbox over the DynamoDB event store table: pending entries are event items still carrying the
// sparse index attributes; a claim item with a lease lets one relay at a time publish them.
import {
  BatchGetItemCommand,
  DeleteItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { sourceOf, type ServiceName } from '@mediaflow/contracts';
import type { ClaimRequest, Outbox, OutboxEntry } from '../outbox';
import {
  CLAIM_KEY,
  eventKey,
  OUTBOX_INDEX,
  PENDING_SHARD,
  storedEventFromItem,
  type Item,
} from './dynamodb-items';

interface DynamoDbOutboxOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly service: ServiceName;
  readonly now?: () => Date;
}

const isConditionFailed = (error: unknown): boolean =>
  (error as { name?: unknown })?.name === 'ConditionalCheckFailedException';
const ignoreConditionFailed = (error: unknown): void => {
  if (!isConditionFailed(error)) throw error;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks run in parallel, a few at a time, to stay clear of throttling on a burst. */
const MARK_CONCURRENCY = 8;

export class DynamoDbOutbox implements Outbox {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly source: OutboxEntry['source'];
  private readonly now: () => Date;

  constructor(options: DynamoDbOutboxOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.source = sourceOf(options.service);
    this.now = options.now ?? (() => new Date());
  }

  async claimPending({ relayId, limit, leaseMs }: ClaimRequest): Promise<OutboxEntry[]> {
    const { Items: keys = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: OUTBOX_INDEX,
        KeyConditionExpression: 'outboxShard = :shard',
        ExpressionAttributeValues: { ':shard': { S: PENDING_SHARD } },
        Limit: limit,
      }),
    );
    if (keys.length === 0 || !(await this.takeClaim(relayId, leaseMs))) return [];
    // The index is eventually consistent: re-read the items and keep those still pending, so an
    // entry another relay has just marked is not published a second time.
    const items = await this.getConsistently(keys.flatMap(({ pk, sk }) => (pk && sk ? [{ pk, sk }] : [])));
    const entries = items.flatMap((item) => {
      const outboxId = item.outboxSeq?.S;
      return outboxId === undefined ? [] : [{ ...storedEventFromItem(item), outboxId, source: this.source }];
    });
    return entries.sort((a, b) => (a.outboxId < b.outboxId ? -1 : a.outboxId > b.outboxId ? 1 : 0));
  }

  private async takeClaim(relayId: string, leaseMs: number): Promise<boolean> {
    const nowMs = this.now().getTime();
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: CLAIM_KEY,
          UpdateExpression: 'SET relayId = :me, leaseUntil = :until',
          ConditionExpression: 'attribute_not_exists(pk) OR relayId = :me OR leaseUntil < :now',
          ExpressionAttributeValues: {
            ':me': { S: relayId },
            ':until': { N: String(nowMs + leaseMs) },
            ':now': { N: String(nowMs) },
          },
        }),
      );
      return true;
    } catch (error) {
      ignoreConditionFailed(error);
      return false;
    }
  }

  private async getConsistently(keys: Item[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      let pending: Item[] = keys.slice(start, start + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 50 * 2 ** attempt)); // unprocessed keys: back off
        const page = await this.client.send(
          new BatchGetItemCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        found.push(...(page.Responses?.[this.tableName] ?? []));
        pending = page.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
  }

  async markPublished(entries: readonly OutboxEntry[]): Promise<void> {
    const publishedAt = this.now().toISOString();
    const queue = [...entries];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) await this.markOne(entry, publishedAt);
    };
    await Promise.all(Array.from({ length: Math.min(MARK_CONCURRENCY, queue.length) }, worker));
  }

  private async markOne(entry: OutboxEntry, publishedAt: string): Promise<void> {
    // Removing the index attributes takes the item out of the sparse index. The condition keeps the
    // first publishedAt when two relays overlap, and never creates an item that is not there.
    await this.client
      .send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: eventKey(entry.streamId, entry.streamVersion),
          UpdateExpression: 'REMOVE outboxShard, outboxSeq SET publishedAt = :at',
          ConditionExpression: 'outboxSeq = :seq',
          ExpressionAttributeValues: { ':seq': { S: entry.outboxId }, ':at': { S: publishedAt } },
        }),
      )
      .catch(ignoreConditionFailed);
  }

  async releaseClaim(relayId: string): Promise<void> {
    await this.client
      .send(
        new DeleteItemCommand({
          TableName: this.tableName,
          Key: CLAIM_KEY,
          ConditionExpression: 'relayId = :me',
          ExpressionAttributeValues: { ':me': { S: relayId } },
        }),
      )
      .catch(ignoreConditionFailed);
  }
}
