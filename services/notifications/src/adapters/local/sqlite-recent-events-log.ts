// The recent-events log in notifications' SQLite file, so Last-Event-ID replay survives a restart of
// the embedded process. `seq` (insertion order) orders events stored in the same millisecond.
import type { NotifiedEvent } from '../../domain/notification-payload';
import type { RecentEventsLog } from '../../ports/recent-events-log';
import type { NotificationsDatabase } from './notifications-database';

interface Row {
  event_id: string;
  owner_id: string;
  payload: string;
}

export class SqliteRecentEventsLog implements RecentEventsLog {
  constructor(private readonly db: NotificationsDatabase) {}

  async append(event: NotifiedEvent, storedAt: Date): Promise<void> {
    this.db
      .prepare(`INSERT INTO recent_events (owner_id, stored_at, event_id, payload) VALUES (?, ?, ?, ?)`)
      .run(event.ownerId, storedAt.getTime(), event.eventId, JSON.stringify(event.payload));
  }

  async readSince(ownerId: string, since: Date, limit: number): Promise<NotifiedEvent[]> {
    const rows = this.db
      .prepare(`SELECT owner_id, event_id, payload FROM recent_events WHERE owner_id = ? AND stored_at >= ? ORDER BY stored_at DESC, seq DESC LIMIT ?`)
      .all(ownerId, since.getTime(), limit) as Row[];
    return rows.reverse().map((r) => ({ eventId: r.event_id, ownerId: r.owner_id, payload: JSON.parse(r.payload) as NotifiedEvent['payload'] }));
  }

  /** Forgets events stored before `before` (the embedded service calls it hourly). */
  async prune(before: Date): Promise<void> {
    this.db.prepare(`DELETE FROM recent_events WHERE stored_at < ?`).run(before.getTime());
  }
}
