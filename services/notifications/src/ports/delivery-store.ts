// The durable webhook delivery queue and its log: one delivery per (subscription, event), claimed with
// a lease by a dispatcher, settled after each attempt together with the attempt's log entry and the
// endpoint's failure streak. A restart loses nothing: an unsettled claim is due again when its lease ends.
import type { EndpointHealth } from '../domain/endpoint-health';

export interface NewDelivery {
  readonly subscriptionId: string;
  readonly ownerId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The exact body to send and sign on every attempt. */
  readonly body: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface Delivery extends NewDelivery {
  readonly status: DeliveryStatus;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When a pending delivery is due (or its claim's lease ends); null once settled for good. */
  readonly dueAt: Date | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface ClaimedDelivery extends NewDelivery {
  readonly attempts: number;
  /** The lease token: settling with a token that is no longer current writes nothing. */
  readonly claim: string;
}

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'gone' | 'cancelled';

/** The delivery's status after an attempt with this outcome. */
export const statusAfter = (outcome: AttemptOutcome): DeliveryStatus =>
  outcome === 'retrying' ? 'pending' : outcome === 'delivered' ? 'delivered' : outcome === 'cancelled' ? 'cancelled' : 'failed';

export interface AttemptLogEntry {
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** 1 for the first attempt; a cancellation repeats the number of the last attempt made (0 if none). */
  readonly attempt: number;
  readonly attemptedAt: Date;
  readonly outcome: AttemptOutcome;
  readonly responseStatus: number | null;
  readonly durationMs: number | null;
  /** `CODE: message` of a failure, or null. */
  readonly error: string | null;
  readonly nextAttemptAt: Date | null;
}

export interface ClaimRequest {
  readonly now: Date;
  readonly limit: number;
  /** How long the claim keeps other dispatchers off; above the send timeout. */
  readonly leaseMs: number;
}

export interface DeliveryStore {
  /**
   * Adds the deliveries an incoming event causes and records that event as handled, together. Answers
   * 'duplicate' (and writes nothing) when the event was handled before or a delivery already exists.
   */
  enqueue(consumedEventId: string, deliveries: readonly NewDelivery[], now: Date): Promise<'enqueued' | 'duplicate'>;
  /** Up to `limit` pending deliveries due at `now`, oldest due first, each leased to the caller. */
  claimDue(request: ClaimRequest): Promise<ClaimedDelivery[]>;
  /**
   * Settles one attempt: the log entry, the delivery (retrying → pending until nextAttemptAt;
   * delivered; failed/gone → failed; cancelled → cancelled) and the endpoint's failure streak
   * (cancelled leaves it as is), all or nothing. Returns the streak after it, or undefined when the
   * claim was no longer current (another dispatcher took over): then nothing is written.
   */
  recordAttempt(claimed: ClaimedDelivery, entry: AttemptLogEntry): Promise<EndpointHealth | undefined>;
  /** Gives a claim back without an attempt (shutdown): due again at `now`. */
  release(claimed: ClaimedDelivery, now: Date): Promise<void>;
  /** The subscription's log, newest first. */
  recentAttempts(subscriptionId: string, limit: number): Promise<AttemptLogEntry[]>;
  get(subscriptionId: string, eventId: string): Promise<Delivery | undefined>;
  /** A fresh streak, when the owner enables the subscription again. */
  resetHealth(subscriptionId: string): Promise<void>;
}
// Retention is the adapter's: DynamoDB items carry a TTL, the SQLite store has prune(before).
