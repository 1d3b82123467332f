// Row shapes of the delivery tables and their mapping to the port's types (times are epoch ms).
import type { AttemptLogEntry, AttemptOutcome, ClaimedDelivery, Delivery, DeliveryStatus } from '../../ports/delivery-store';

export interface DeliveryRow {
  subscription_id: string;
  event_id: string;
  owner_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  due_at: number | null;
  claim: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface AttemptRow {
  subscription_id: string;
  attempted_at: number;
  event_id: string;
  attempt: number;
  outcome: AttemptOutcome;
  event_type: string;
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  next_attempt_at: number | null;
}

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const toDelivery = (r: DeliveryRow): Delivery => ({
  subscriptionId: r.subscription_id,
  eventId: r.event_id,
  ownerId: r.owner_id,
  eventType: r.event_type,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  dueAt: dateOrNull(r.due_at),
  createdAt: new Date(r.created_at),
  finishedAt: dateOrNull(r.finished_at),
});

export const toClaimed = (r: DeliveryRow, claim: string): ClaimedDelivery => ({
  subscriptionId: r.subscription_id,
  eventId: r.event_id,
  ownerId: r.owner_id,
  eventType: r.event_type,
  body: r.body,
  attempts: r.attempts,
  claim,
});

export const toAttemptRow = (e: AttemptLogEntry): AttemptRow => ({
  subscription_id: e.subscriptionId,
  attempted_at: e.attemptedAt.getTime(),
  event_id: e.eventId,
  attempt: e.attempt,
  outcome: e.outcome,
  event_type: e.eventType,
  response_status: e.responseStatus,
  duration_ms: e.durationMs,
  error: e.error,
  next_attempt_at: e.nextAttemptAt?.getTime() ?? null,
});

export const toAttempt = (r: AttemptRow): AttemptLogEntry => ({
  subscriptionId: r.subscription_id,
  eventId: r.event_id,
  eventType: r.event_type,
  attempt: r.attempt,
  attemptedAt: new Date(r.attempted_at),
  outcome: r.outcome,
  responseStatus: r.response_status,
  durationMs: r.duration_ms,
  error: r.error,
  nextAttemptAt: dateOrNull(r.next_attempt_at),
});
