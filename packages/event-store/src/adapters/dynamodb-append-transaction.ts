// The TransactWriteItems of one append, with beside each item what it guards ('stream' or 'inbox'),
// so a cancellation can be explained from DynamoDB's per-item reasons.
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { ConsumedEvent } from '../event-store';
import type { PreparedEvent } from '../input-validation';
import type { AppendItemRole } from './dynamodb-append-failure';
import { eventItem, eventKey, inboxItem, type Item } from './dynamodb-items';

interface AppendTransactionInput {
  readonly tableName: string;
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly events: readonly PreparedEvent[];
  readonly consumed: ConsumedEvent | undefined;
  readonly now: Date;
  readonly inboxRetentionDays: number;
  readonly nextOutboxSeq: () => string;
}

interface AppendTransaction {
  readonly items: TransactWriteItem[];
  readonly roles: AppendItemRole[];
}

export const appendTransaction = (input: AppendTransactionInput): AppendTransaction => {
  const { tableName, streamId, expectedVersion, events, consumed, now } = input;
  const transaction: AppendTransaction = { items: [], roles: [] };
  const add = (item: TransactWriteItem, role: AppendItemRole): void => {
    transaction.items.push(item);
    transaction.roles.push(role);
  };
  const check = (key: Item, condition: string): TransactWriteItem => ({
    ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: condition },
  });
  const putNew = (item: Item): TransactWriteItem => ({
    Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
  });

  // "Version v exists and v+1 does not" is "the stream is at v", since versions never have gaps.
  // The first check also stops an append ahead of the stream from leaving a gap.
  if (expectedVersion > 0) add(check(eventKey(streamId, expectedVersion), 'attribute_exists(pk)'), 'stream');
  if (events.length === 0) {
    add(check(eventKey(streamId, expectedVersion + 1), 'attribute_not_exists(pk)'), 'stream');
  }
  const storedAt = now.toISOString();
  events.forEach((event, index) => {
    const item = eventItem(streamId, expectedVersion + index + 1, event, storedAt, input.nextOutboxSeq());
    add(putNew(item), 'stream');
  });
  if (consumed) {
    add(putNew(inboxItem(consumed.consumer, consumed.eventId, now, input.inboxRetentionDays)), 'inbox');
  }
  return transaction;
};
