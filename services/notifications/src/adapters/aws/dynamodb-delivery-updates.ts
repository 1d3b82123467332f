// The update expressions that settle a delivery and move its endpoint's failure streak, kept apart
// from the store so each reads on its own.
import type { AttemptLogEntry, ClaimedDelivery, DeliveryStatus } from '../../ports/delivery-store';
import { dueKey, expiresAt, n, s, type Item } from './dynamodb-items';

interface UpdateParts {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Item;
}

/** Only the current claim of a pending delivery settles it. */
export const settleUpdate = (claimed: ClaimedDelivery, entry: AttemptLogEntry, status: DeliveryStatus, retentionDays: number): UpdateParts => {
  const attempts = entry.outcome === 'cancelled' ? claimed.attempts : entry.attempt;
  const common = {
    ConditionExpression: 'claim = :claim AND #status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
  };
  const values: Item = { ':claim': s(claimed.claim), ':pending': s('pending'), ':status': s(status), ':attempts': n(attempts) };
  if (status === 'pending') {
    const due = (entry.nextAttemptAt ?? entry.attemptedAt).getTime();
    return {
      ...common,
      UpdateExpression: 'REMOVE claim SET #status = :status, attempts = :attempts, dueAt = :due, dueKey = :key',
      ExpressionAttributeValues: { ...values, ':due': n(due), ':key': dueKey(due, claimed.subscriptionId, claimed.eventId) },
    };
  }
  return {
    ...common,
    UpdateExpression: 'REMOVE claim, dueAt, dueKey, dueShard SET #status = :status, attempts = :attempts, finishedAt = :at, expiresAt = :ttl',
    ExpressionAttributeValues: { ...values, ':at': n(entry.attemptedAt.getTime()), ':ttl': expiresAt(entry.attemptedAt, retentionDays) },
  };
};

/** A success resets the streak; a failure adds one and keeps when the streak began. */
export const healthUpdate = (succeeded: boolean, attemptAt: Date): UpdateParts =>
  succeeded
    ? { UpdateExpression: 'SET consecutiveFailures = :zero REMOVE failingSince', ExpressionAttributeValues: { ':zero': n(0) } }
    : {
        UpdateExpression: 'ADD consecutiveFailures :one SET failingSince = if_not_exists(failingSince, :at)',
        ExpressionAttributeValues: { ':one': n(1), ':at': n(attemptAt.getTime()) },
      };
