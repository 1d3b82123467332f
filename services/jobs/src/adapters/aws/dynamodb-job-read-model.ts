// JobReadModel on DynamoDB (AWS mode). One item per job: the view as JSON text plus the keys of the
// owner index and the sparse retry index. Upserts are conditional on the stream version. Listings
// read a GSI, so a view written a moment ago may show up a moment later (eventual consistency).
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { JOB_STATUSES, type JobStatus } from '../../domain/job-status';
import { decodeCursor, encodeCursor, listSortKey } from '../../ports/job-list-cursor';
import type { DueRetry, JobListQuery, JobPage, JobReadModel, JobStats } from '../../ports/job-read-model';
import type { JobView } from '../../ports/job-view';
import { OWNER_INDEX, RETRY_INDEX, RETRY_SHARD } from './dynamodb-job-read-model-table';

interface DynamoDbJobReadModelOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

type Item = Record<string, AttributeValue>;

const S = (value: string): AttributeValue => ({ S: value });
const viewOf = (item: Item): JobView => JSON.parse(item.view?.S ?? '{}') as JobView;
const HOUR_MS = 3_600_000;

const itemOf = (view: JobView): Item => ({
  jobId: S(view.jobId),
  ownerId: S(view.ownerId),
  sortKey: S(listSortKey(view.createdAt, view.jobId)),
  status: S(view.status),
  version: { N: String(view.version) },
  view: S(JSON.stringify(view)),
  ...(view.completedAt ? { completedAt: S(view.completedAt) } : {}),
  ...(view.status === 'retry-scheduled' && view.retry ? { retryShard: S(RETRY_SHARD), retryDueAt: S(view.retry.dueAt) } : {}),
});

export class DynamoDbJobReadModel implements JobReadModel {
  constructor(private readonly options: DynamoDbJobReadModelOptions) {}

  async upsert(view: JobView): Promise<void> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: itemOf(view),
          ConditionExpression: 'attribute_not_exists(jobId) OR version < :version',
          ExpressionAttributeValues: { ':version': { N: String(view.version) } },
        }),
      );
    } catch (error) {
      // A newer view is already there: this one lost a race between two projections, as it should.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async get(jobId: string): Promise<JobView | undefined> {
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { jobId: S(jobId) }, ConsistentRead: true }),
    );
    return Item ? viewOf(Item) : undefined;
  }

  async listByOwner(ownerId: string, query: JobListQuery): Promise<JobPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const found: Item[] = [];
    let startKey: Item | undefined;
    // A status filter drops items after DynamoDB's Limit, so keep reading until a page is full.
    do {
      const result = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: OWNER_INDEX,
          KeyConditionExpression: after ? 'ownerId = :owner AND sortKey < :after' : 'ownerId = :owner',
          ...(query.status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: { ':owner': S(ownerId), ...(after ? { ':after': S(after) } : {}), ...(query.status ? { ':status': S(query.status) } : {}) },
          ScanIndexForward: false,
          Limit: query.limit + 1,
          ExclusiveStartKey: startKey,
        }),
      );
      found.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey && found.length <= query.limit);
    const page = found.slice(0, query.limit);
    const lastKey = page[page.length - 1]?.sortKey?.S;
    const items = page.map(viewOf);
    return found.length > query.limit && lastKey ? { items, nextCursor: encodeCursor(lastKey) } : { items };
  }

  async dueRetries(now: Date, limit = 50): Promise<DueRetry[]> {
    const result = await this.options.client.send(
      new QueryCommand({
        TableName: this.options.tableName,
        IndexName: RETRY_INDEX,
        KeyConditionExpression: 'retryShard = :shard AND retryDueAt <= :now',
        ExpressionAttributeValues: { ':shard': S(RETRY_SHARD), ':now': S(now.toISOString()) },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).flatMap((item) => {
      const view = viewOf(item);
      if (!view.retry) return [];
      const { jobId, ownerId, correlationId } = view;
      return [{ jobId, ownerId, correlationId, ...view.retry }];
    });
  }

  /** A scan of status and completion time only: fine for an admin page, not for a hot path. */
  async stats(now: Date): Promise<JobStats> {
    const byStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
    const dayAgo = new Date(now.getTime() - 24 * HOUR_MS).toISOString();
    let total = 0;
    let completedLastHour = 0;
    let completedLastDay = 0;
    let startKey: Item | undefined;
    do {
      const result = await this.options.client.send(
        new ScanCommand({
          TableName: this.options.tableName,
          ProjectionExpression: '#status, completedAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of result.Items ?? []) {
        total++;
        const status = item.status?.S as JobStatus | undefined;
        if (status && status in byStatus) byStatus[status]++;
        const completedAt = item.completedAt?.S;
        if (completedAt && completedAt >= hourAgo) completedLastHour++;
        if (completedAt && completedAt >= dayAgo) completedLastDay++;
      }
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return { total, byStatus, completedLastHour, completedLastDay };
  }
}
