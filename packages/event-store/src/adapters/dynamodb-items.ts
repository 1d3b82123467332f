// The layout of a service's DynamoDB event store table, in one place: keys of event, inbox and
// claim items, the sparse outbox index, and how an event item maps to a StoredEvent.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EventMetadata } from '@mediaflow/contracts';
import type { StoredEvent } from '../event-store';
import type { PreparedEvent } from '../input-validation';

export type Item = Record<string, AttributeValue>;

/** Sparse GSI over pending outbox entries: only unpublished event items carry its two attributes. */
export const OUTBOX_INDEX = 'outbox';
/**
 * One shard keeps a single total order for the relay. A GSI partition takes ~1,000 writes/s, far
 * above one service's event rate; shard by stream hash if that ever stops being true.
 */
export const PENDING_SHARD = 'pending';
/** Epoch seconds after which DynamoDB's TTL may delete an inbox item. */
export const TTL_ATTRIBUTE = 'expiresAt';

const s = (value: string): AttributeValue => ({ S: value });
const n = (value: number): AttributeValue => ({ N: String(value) });

// Prefixes keep streams, inbox entries and the claim in disjoint key spaces whatever the ids hold.
export const streamPk = (streamId: string): AttributeValue => s(`stream#${streamId}`);
export const eventKey = (streamId: string, streamVersion: number): Item => ({
  pk: streamPk(streamId),
  sk: n(streamVersion),
});
// encodeURIComponent leaves no '#' in the consumer, so ("a#b", "c") and ("a", "b#c") stay distinct.
export const inboxKey = (consumer: string, eventId: string): Item => ({
  pk: s(`inbox#${encodeURIComponent(consumer)}#${eventId}`),
  sk: n(0),
});
export const CLAIM_KEY: Item = { pk: s('outbox-claim'), sk: n(0) };

export const eventItem = (
  streamId: string,
  streamVersion: number,
  event: PreparedEvent,
  storedAt: string,
  outboxSeq: string,
): Item => ({
  ...eventKey(streamId, streamVersion),
  streamId: s(streamId),
  eventId: s(event.eventId),
  type: s(event.type),
  schemaVersion: n(event.schemaVersion),
  // Kept as JSON text: the exact value round-trips (no number precision or empty-set surprises)
  // and reads back identically from both adapters.
  data: s(event.dataJson),
  metadata: s(event.metadataJson),
  storedAt: s(storedAt),
  outboxShard: s(PENDING_SHARD),
  outboxSeq: s(outboxSeq),
});

export const inboxItem = (
  consumer: string,
  eventId: string,
  handledAt: Date,
  retentionDays: number,
): Item => ({
  ...inboxKey(consumer, eventId),
  consumer: s(consumer),
  eventId: s(eventId),
  handledAt: s(handledAt.toISOString()),
  // 0: kept forever (the bus archive keeps events forever, so a replay may bring any of them back).
  ...(retentionDays > 0 && { [TTL_ATTRIBUTE]: n(Math.floor(handledAt.getTime() / 1000) + retentionDays * 86_400) }),
});

const text = (item: Item, name: string): string => {
  const value = item[name]?.S;
  if (value === undefined)
    throw new Error(`event store item ${item.pk?.S}/${item.sk?.N} has no string attribute "${name}"`);
  return value;
};
const number = (item: Item, name: string): number => Number(item[name]?.N ?? Number.NaN);

export const storedEventFromItem = (item: Item): StoredEvent => ({
  streamId: text(item, 'streamId'),
  streamVersion: number(item, 'sk'),
  type: text(item, 'type'),
  schemaVersion: number(item, 'schemaVersion'),
  data: JSON.parse(text(item, 'data')) as unknown,
  metadata: JSON.parse(text(item, 'metadata')) as EventMetadata,
  storedAt: text(item, 'storedAt'),
});
