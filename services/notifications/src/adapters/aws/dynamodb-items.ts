// The item layout of notifications' DynamoDB table in one place: key spaces kept apart by prefixes,
// attribute readers, and the mapping of delivery and log items to the port's types.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttemptLogEntry, AttemptOutcome, ClaimedDelivery, Delivery, DeliveryStatus, NewDelivery } from '../../ports/delivery-store';

export type Item = Record<string, AttributeValue>;

export const s = (value: string): AttributeValue => ({ S: value });
export const n = (value: number): AttributeValue => ({ N: String(value) });

export const str = (item: Item, name: string): string => item[name]?.S ?? '';
export const num = (item: Item, name: string): number => Number(item[name]?.N ?? '0');
export const optNum = (item: Item, name: string): number | null => (item[name]?.N === undefined ? null : Number(item[name]?.N));
const optStr = (item: Item, name: string): string | null => item[name]?.S ?? null;

export const subscriptionKey = (ownerId: string, subscriptionId: string): Item => ({ pk: s(`owner#${ownerId}`), sk: s(`webhook#${subscriptionId}`) });
const webhookPk = (subscriptionId: string): AttributeValue => s(`webhook#${subscriptionId}`);
export const deliveryKey = (subscriptionId: string, eventId: string): Item => ({ pk: webhookPk(subscriptionId), sk: s(`delivery#${eventId}`) });
export const healthKey = (subscriptionId: string): Item => ({ pk: webhookPk(subscriptionId), sk: s('health') });
export const handledKey = (eventId: string): Item => ({ pk: s(`handled#${eventId}`), sk: s('-') });
export const LOG_PREFIX = 'log#';

/** The single partition of the due index; one shard orders every pending delivery by due time. */
export const DUE_SHARD = 'due';
/** Zero-padded ms, so string order is time order; the ids make it unique. */
export const dueKey = (dueAtMs: number, subscriptionId: string, eventId: string): AttributeValue =>
  s(`${String(dueAtMs).padStart(15, '0')}#${subscriptionId}#${eventId}`);

const logKey = (e: AttemptLogEntry): Item => ({
  pk: webhookPk(e.subscriptionId),
  sk: s(`${LOG_PREFIX}${e.attemptedAt.toISOString()}#${e.eventId}#${String(e.attempt).padStart(4, '0')}#${e.outcome}`),
});

export const expiresAt = (from: Date, retentionDays: number): AttributeValue => n(Math.floor(from.getTime() / 1000) + retentionDays * 86400);

export const pendingDeliveryItem = (d: NewDelivery, now: Date): Item => ({
  ...deliveryKey(d.subscriptionId, d.eventId),
  subscriptionId: s(d.subscriptionId),
  eventId: s(d.eventId),
  ownerId: s(d.ownerId),
  eventType: s(d.eventType),
  body: s(d.body),
  status: s('pending'),
  attempts: n(0),
  dueAt: n(now.getTime()),
  createdAt: n(now.getTime()),
  dueShard: s(DUE_SHARD),
  dueKey: dueKey(now.getTime(), d.subscriptionId, d.eventId),
});

const base = (item: Item): NewDelivery => ({
  subscriptionId: str(item, 'subscriptionId'),
  eventId: str(item, 'eventId'),
  ownerId: str(item, 'ownerId'),
  eventType: str(item, 'eventType'),
  body: str(item, 'body'),
});

export const toClaimed = (item: Item): ClaimedDelivery => ({ ...base(item), attempts: num(item, 'attempts'), claim: str(item, 'claim') });

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const toDelivery = (item: Item): Delivery => ({
  ...base(item),
  status: str(item, 'status') as DeliveryStatus,
  attempts: num(item, 'attempts'),
  dueAt: dateOrNull(optNum(item, 'dueAt')),
  createdAt: new Date(num(item, 'createdAt')),
  finishedAt: dateOrNull(optNum(item, 'finishedAt')),
});

export const logItem = (e: AttemptLogEntry, retentionDays: number): Item => ({
  ...logKey(e),
  subscriptionId: s(e.subscriptionId),
  eventId: s(e.eventId),
  eventType: s(e.eventType),
  attempt: n(e.attempt),
  attemptedAt: n(e.attemptedAt.getTime()),
  outcome: s(e.outcome),
  ...(e.responseStatus === null ? {} : { responseStatus: n(e.responseStatus) }),
  ...(e.durationMs === null ? {} : { durationMs: n(e.durationMs) }),
  ...(e.error === null ? {} : { error: s(e.error) }),
  ...(e.nextAttemptAt === null ? {} : { nextAttemptAt: n(e.nextAttemptAt.getTime()) }),
  expiresAt: expiresAt(e.attemptedAt, retentionDays),
});

export const toAttempt = (item: Item): AttemptLogEntry => ({
  subscriptionId: str(item, 'subscriptionId'),
  eventId: str(item, 'eventId'),
  eventType: str(item, 'eventType'),
  attempt: num(item, 'attempt'),
  attemptedAt: new Date(num(item, 'attemptedAt')),
  outcome: str(item, 'outcome') as AttemptOutcome,
  responseStatus: optNum(item, 'responseStatus'),
  durationMs: optNum(item, 'durationMs'),
  error: optStr(item, 'error'),
  nextAttemptAt: dateOrNull(optNum(item, 'nextAttemptAt')),
});
