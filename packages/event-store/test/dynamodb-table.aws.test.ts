// What only the DynamoDB adapter has: the table declaration and its idempotent creation, TTL on inbox
// items, the 100-item transaction limit, and the sparse outbox index emptying as entries are published.
import { randomUUID } from 'node:crypto';
import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { AppendTooLarge, OutboxRelay } from '../src';
import { createEventStoreTable, DynamoDbEventStore, DynamoDbOutbox, eventStoreTableDefinition } from '../src/aws';
import { sampleEvent, sampleEvents, uniqueId } from '../src/testing/contract/sample-events';

const client = new DynamoDBClient(awsClientSettings());
const tableName = `mediaflow-test-events-${randomUUID().slice(0, 8)}`;
const handledAt = new Date('2026-11-24T10:00:00.000Z');
const store = new DynamoDbEventStore({ client, tableName, inboxRetentionDays: 7, now: () => handledAt });

const pendingInIndex = async (streamId: string): Promise<number> => {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'outbox',
      KeyConditionExpression: 'outboxShard = :shard',
      ExpressionAttributeValues: { ':shard': { S: 'pending' } },
    }),
  );
  return Items.filter((item) => item.pk?.S === `stream#${streamId}`).length;
};

describe(`DynamoDB event store table [${process.env.AWS_ENDPOINT_URL ?? 'AWS'}]`, () => {
  beforeAll(() => createEventStoreTable(client, tableName));
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  it('creates the table as declared, with TTL on expiresAt, and accepts being created again', async () => {
    await createEventStoreTable(client, tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const declared = eventStoreTableDefinition(tableName);
    expect(Table).toMatchObject({
      TableStatus: 'ACTIVE',
      KeySchema: declared.KeySchema,
      GlobalSecondaryIndexes: [
        expect.objectContaining({ IndexName: 'outbox', Projection: { ProjectionType: 'KEYS_ONLY' } }),
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    });
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    );
    expect(TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('gives inbox items an expiry retention-days after they were handled', async () => {
    const eventId = uniqueId('evt');
    await store.append(uniqueId('job'), 0, [], { consumed: { consumer: 'jobs.test', eventId } });

    const { Item } = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: `inbox#jobs.test#${eventId}` }, sk: { N: '0' } },
        ConsistentRead: true,
      }),
    );
    expect(Number(Item?.expiresAt?.N)).toBe(handledAt.getTime() / 1000 + 7 * 86_400);
  });

  it('gives inbox items no expiry with a retention of 0 days (kept as long as an archive may replay)', async () => {
    const forever = new DynamoDbEventStore({ client, tableName, inboxRetentionDays: 0, now: () => handledAt });
    const eventId = uniqueId('evt');
    await forever.append(uniqueId('job'), 0, [], { consumed: { consumer: 'jobs.test', eventId } });
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: `inbox#jobs.test#${eventId}` }, sk: { N: '0' } }, ConsistentRead: true }),
    );
    expect(Item?.handledAt?.S).toBe(handledAt.toISOString());
    expect(Item).not.toHaveProperty('expiresAt');
    expect(await forever.hasHandled('jobs.test', eventId)).toBe(true);
  });

  it('appends 100 events at once to a new stream, the most one transaction can hold', async () => {
    const streamId = uniqueId('big');
    await expect(store.append(streamId, 0, sampleEvents(100))).resolves.toEqual({ nextExpectedVersion: 100 });
    expect(await store.read(streamId)).toHaveLength(100);
  });

  it('refuses an append that needs more than 100 transaction items with AppendTooLarge, writing nothing', async () => {
    const streamId = uniqueId('big');
    await store.append(streamId, 0, sampleEvents(1));

    // Version check + 100 events = 101 items; a consumed event adds one more.
    await expect(store.append(streamId, 1, sampleEvents(100))).rejects.toMatchObject({
      code: 'APPEND_TOO_LARGE',
      eventCount: 100,
      maxEvents: 99,
    });
    const error = await store
      .append(uniqueId('big'), 0, sampleEvents(100), {
        consumed: { consumer: 'jobs.test', eventId: uniqueId('evt') },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendTooLarge);
    expect(error).toMatchObject({ maxEvents: 99 });
    expect(await store.read(streamId)).toHaveLength(1);
  });

  it('takes published entries out of the sparse outbox index', async () => {
    const streamId = uniqueId('job');
    await store.append(streamId, 0, [sampleEvent('A'), sampleEvent('B')]);
    expect(await pendingInIndex(streamId)).toBe(2);

    const relay = new OutboxRelay({
      outbox: new DynamoDbOutbox({ client, tableName, service: 'jobs' }),
      publish: async () => undefined,
      batchSize: 500,
    });
    await relay.drain();

    expect(await pendingInIndex(streamId)).toBe(0);
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: `stream#${streamId}` }, sk: { N: '1' } },
        ConsistentRead: true,
      }),
    );
    expect(Item?.publishedAt?.S).toEqual(expect.any(String));
  });
});
