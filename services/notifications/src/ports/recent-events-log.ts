// The recent notified events per owner, persisted for a while: a restarted process (or another one —
// on AWS the api process serves SSE while the worker consumes) can still replay after Last-Event-ID
// and follow an owner's events as they are stored.
import type { NotifiedEvent } from '../domain/notification-payload';

export interface RecentEventsLog {
  /** Stores the event under the time it was stored at; a repeat (bus redelivery) may be stored twice. */
  append(event: NotifiedEvent, storedAt: Date): Promise<void>;
  /**
   * The owner's events stored at or after `since`, oldest first; when there are more than `limit`,
   * the newest `limit` of them.
   */
  readSince(ownerId: string, since: Date, limit: number): Promise<NotifiedEvent[]>;
}
