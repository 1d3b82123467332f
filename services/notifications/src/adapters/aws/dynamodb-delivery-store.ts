// The delivery queue and log in notifications' DynamoDB table. Pending deliveries sit in the sparse
// `due` index keyed by due time; a claim is a conditional update that moves the due key to the end of
// the lease (other dispatchers stop seeing it, a crash makes it due again). Settling is one transaction.
import { randomUUID } from 'node:crypto';
import {
  DeleteItemCommand,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { HEALTHY, type EndpointHealth } from '../../domain/endpoint-health';
import { statusAfter, type AttemptLogEntry, type ClaimedDelivery, type ClaimRequest, type Delivery, type DeliveryStore, type NewDelivery } from '../../ports/delivery-store';
import { healthUpdate, settleUpdate } from './dynamodb-delivery-updates';
import { DUE_SHARD, deliveryKey, dueKey, handledKey, healthKey, LOG_PREFIX, logItem, n, optNum, pendingDeliveryItem, s, toAttempt, toClaimed, toDelivery, expiresAt, type Item } from './dynamodb-items';
import { DUE_INDEX } from './notifications-table';

interface DynamoDbDeliveryStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long settled deliveries, log entries and inbox records are kept (TTL), default 30 days. */
  readonly retentionDays?: number;
}

/** One transaction holds at most 100 items: the inbox record plus 99 deliveries. */
const MAX_DELIVERIES_PER_EVENT = 99;

const isConditionFailure = (error: unknown): boolean => (error as { name?: string }).name === 'ConditionalCheckFailedException';
const cancelledByCondition = (error: unknown): boolean =>
  (error as { name?: string }).name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');

export class DynamoDbDeliveryStore implements DeliveryStore {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly retentionDays: number;

  constructor(options: DynamoDbDeliveryStoreOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.retentionDays = options.retentionDays ?? 30;
  }

  async enqueue(consumedEventId: string, deliveries: readonly NewDelivery[], now: Date): Promise<'enqueued' | 'duplicate'> {
    if (deliveries.length > MAX_DELIVERIES_PER_EVENT) throw new RangeError(`at most ${MAX_DELIVERIES_PER_EVENT} deliveries per event, got ${deliveries.length}`);
    const absent = { ConditionExpression: 'attribute_not_exists(pk)' };
    const handled: Item = { ...handledKey(consumedEventId), handledAt: n(now.getTime()), expiresAt: expiresAt(now, this.retentionDays) };
    const items: TransactWriteItem[] = [
      { Put: { TableName: this.table, Item: handled, ...absent } },
      ...deliveries.map((d) => ({ Put: { TableName: this.table, Item: pendingDeliveryItem(d, now), ...absent } })),
    ];
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
      return 'enqueued';
    } catch (error) {
      if (cancelledByCondition(error)) return 'duplicate';
      throw error;
    }
  }

  async claimDue({ now, limit, leaseMs }: ClaimRequest): Promise<ClaimedDelivery[]> {
    const due = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: DUE_INDEX,
        KeyConditionExpression: 'dueShard = :shard AND dueKey <= :max',
        ExpressionAttributeValues: { ':shard': s(DUE_SHARD), ':max': s(`${String(now.getTime()).padStart(15, '0')}~`) },
        Limit: limit,
      }),
    );
    const claimed = await Promise.all((due.Items ?? []).map((key) => this.claim(key, now.getTime() + leaseMs)));
    return claimed.filter((c): c is ClaimedDelivery => c !== undefined);
  }

  /** Takes one delivery seen in the (lagging) index, if it is still pending at the due key we saw. */
  private async claim(key: Item, leaseUntil: number): Promise<ClaimedDelivery | undefined> {
    const subscriptionId = (key.pk?.S ?? '').slice('webhook#'.length);
    const eventId = (key.sk?.S ?? '').slice('delivery#'.length);
    try {
      const result = await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { pk: key.pk as Item[string], sk: key.sk as Item[string] },
          UpdateExpression: 'SET claim = :claim, dueAt = :until, dueKey = :newKey',
          ConditionExpression: '#status = :pending AND dueKey = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':claim': s(randomUUID()),
            ':until': n(leaseUntil),
            ':newKey': dueKey(leaseUntil, subscriptionId, eventId),
            ':pending': s('pending'),
            ':seen': key.dueKey as Item[string],
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? toClaimed(result.Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async recordAttempt(claimed: ClaimedDelivery, entry: AttemptLogEntry): Promise<EndpointHealth | undefined> {
    const status = statusAfter(entry.outcome);
    const items: TransactWriteItem[] = [
      { Update: { TableName: this.table, Key: deliveryKey(claimed.subscriptionId, claimed.eventId), ...settleUpdate(claimed, entry, status, this.retentionDays) } },
      { Put: { TableName: this.table, Item: logItem(entry, this.retentionDays) } },
    ];
    if (entry.outcome !== 'cancelled') {
      items.push({ Update: { TableName: this.table, Key: healthKey(claimed.subscriptionId), ...healthUpdate(entry.outcome === 'delivered', entry.attemptedAt) } });
    }
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
    } catch (error) {
      if (cancelledByCondition(error)) return undefined;
      throw error;
    }
    return this.health(claimed.subscriptionId);
  }

  async release(claimed: ClaimedDelivery, now: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: deliveryKey(claimed.subscriptionId, claimed.eventId),
          UpdateExpression: 'REMOVE claim SET dueAt = :now, dueKey = :key',
          ConditionExpression: 'claim = :claim AND #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': n(now.getTime()), ':key': dueKey(now.getTime(), claimed.subscriptionId, claimed.eventId), ':claim': s(claimed.claim), ':pending': s('pending') },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async recentAttempts(subscriptionId: string, limit: number): Promise<AttemptLogEntry[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :log)',
        ExpressionAttributeValues: { ':pk': s(`webhook#${subscriptionId}`), ':log': s(LOG_PREFIX) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(toAttempt);
  }

  async get(subscriptionId: string, eventId: string): Promise<Delivery | undefined> {
    const result = await this.client.send(new GetItemCommand({ TableName: this.table, Key: deliveryKey(subscriptionId, eventId), ConsistentRead: true }));
    return result.Item ? toDelivery(result.Item) : undefined;
  }

  async resetHealth(subscriptionId: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.table, Key: healthKey(subscriptionId) }));
  }

  private async health(subscriptionId: string): Promise<EndpointHealth> {
    const result = await this.client.send(new GetItemCommand({ TableName: this.table, Key: healthKey(subscriptionId), ConsistentRead: true }));
    if (!result.Item) return HEALTHY;
    const since = optNum(result.Item, 'failingSince');
    return { consecutiveFailures: optNum(result.Item, 'consecutiveFailures') ?? 0, failingSince: since === null ? null : new Date(since) };
  }
}
