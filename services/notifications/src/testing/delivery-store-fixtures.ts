// Small builders the delivery store contract uses: enqueue-and-claim one delivery, and a log entry.
import type { AttemptLogEntry, ClaimedDelivery, DeliveryStore, NewDelivery } from '../ports/delivery-store';

export const claimOne = async (store: DeliveryStore, delivery: NewDelivery, now: Date): Promise<ClaimedDelivery> => {
  await store.enqueue(`consumed-${delivery.eventId}-${delivery.subscriptionId}`, [delivery], now);
  const claimed = (await store.claimDue({ now, limit: 100, leaseMs: 30_000 })).find((c) => c.eventId === delivery.eventId && c.subscriptionId === delivery.subscriptionId);
  if (!claimed) throw new Error(`could not claim ${delivery.subscriptionId}/${delivery.eventId}`);
  return claimed;
};

export const attemptEntry = (
  claimed: ClaimedDelivery,
  entry: Pick<AttemptLogEntry, 'attempt' | 'attemptedAt' | 'outcome'> & Partial<AttemptLogEntry>,
): AttemptLogEntry => ({
  subscriptionId: claimed.subscriptionId,
  eventId: claimed.eventId,
  eventType: claimed.eventType,
  responseStatus: null,
  durationMs: null,
  error: null,
  nextAttemptAt: null,
  ...entry,
});
