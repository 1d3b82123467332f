// Keeps a service's embedded store file bounded: published outbox rows and old inbox entries go, in
// small batches (each its own short write). The events themselves are the store and stay; a pending
// outbox row stays however old it is. DynamoDB needs none of this: published entries leave the sparse
// outbox index, and inbox items carry a TTL attribute (EVENT_STORE_TTL_ATTRIBUTE).
import type { SqliteDatabase } from './sqlite-schema';

export class SqliteRetention {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      // The relay marks rows in seq order, so published_at grows with seq: look only at the oldest
      // `limit` published rows. A batch that deletes fewer than `limit` means the rest are newer.
      outbox: db.prepare<[number, string]>(
        `DELETE FROM outbox WHERE seq IN (
           SELECT seq FROM outbox WHERE published_at IS NOT NULL ORDER BY seq LIMIT ?)
         AND published_at < ?`,
      ),
      inbox: db.prepare<[string, number]>(
        `DELETE FROM inbox WHERE (consumer, event_id) IN (
           SELECT consumer, event_id FROM inbox WHERE handled_at < ? ORDER BY handled_at LIMIT ?)`,
      ),
    };
  }

  /** Deletes at most `limit` outbox rows published before `olderThan`; returns how many went. */
  pruneOutbox(olderThan: Date, limit: number): number {
    return this.statements.outbox.run(limit, olderThan.toISOString()).changes;
  }

  /**
   * Deletes at most `limit` inbox entries recorded before `olderThan`; returns how many went. After
   * that, a redelivery of such an event is no longer recognised: pass a cutoff older than anything
   * the bus can still redeliver or replay.
   */
  pruneInbox(olderThan: Date, limit: number): number {
    return this.statements.inbox.run(olderThan.toISOString(), limit).changes;
  }
}
