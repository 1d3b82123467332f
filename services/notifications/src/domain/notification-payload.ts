// The JSON every webhook body and every SSE `data:` line carries for one public event: the event's
// name as `type`, when it happened, its schema's major version and its contract data (always with
// jobId). Serialised once, at enqueue time, so every retry sends (and signs) the same bytes.
import { createHash } from 'node:crypto';

interface NotificationPayload {
  /** The public event name, e.g. "JobCompleted" (also the SSE `event:` and the webhook filter value). */
  readonly type: string;
  /** When the event occurred (ISO 8601), not when it was delivered. */
  readonly timestamp: string;
  /** Major version of the event's schema in @mediaflow/contracts (published JSON Schema `<type>.v<version>`). */
  readonly version: number;
  /** The event's contract data: `jobId` and the event's own fields. */
  readonly data: { readonly jobId: string } & Record<string, unknown>;
}

export interface NotifiedEvent {
  readonly eventId: string;
  readonly ownerId: string;
  readonly payload: NotificationPayload;
}

export const serialisePayload = (payload: NotificationPayload): string =>
  JSON.stringify({ type: payload.type, timestamp: payload.timestamp, version: payload.version, data: payload.data });

// The spec forbids "." in the signed id (it delimits the signed content). Our event ids are UUIDs;
// any other id is replaced by a stable digest so the header stays safe and retries keep the same id.
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export const webhookIdOf = (eventId: string): string =>
  SAFE_ID.test(eventId) ? eventId : `msg_${createHash('sha256').update(eventId).digest('base64url').slice(0, 32)}`;
