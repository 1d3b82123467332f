// Keeps the embedded bus log bounded: deletes log entries older than a cutoff in small batches, but
// never one a subscriber still needs (not yet routed past its checkpoint, or a delivery still pending).
// Dead letters keep their own copy of the body and are never deleted here: they stay until handled.
import type { BusDatabase } from './sqlite-schema';

export class SqliteBusRetention {
  private readonly statements;

  constructor(db: BusDatabase) {
    this.statements = {
      // The log is appended in time order, so "older than the cutoff" is a seq range: everything
      // before the first entry at or after the cutoff. Bounding by seq keeps each batch a range scan.
      prune: db.prepare<[string, number]>(
        `DELETE FROM bus_events WHERE seq IN (
           SELECT e.seq FROM bus_events e
            WHERE e.seq < COALESCE((SELECT seq FROM bus_events WHERE published_at >= ? ORDER BY seq LIMIT 1),
                                   (SELECT MAX(seq) + 1 FROM bus_events))
              AND e.seq <= COALESCE((SELECT MIN(checkpoint) FROM bus_subscribers), (SELECT MAX(seq) FROM bus_events))
              AND NOT EXISTS (SELECT 1 FROM bus_subscribers s JOIN bus_deliveries d
                               ON d.subscriber = s.subscriber AND d.seq = e.seq)
            ORDER BY e.seq LIMIT ?)`,
      ),
      oldest: db.prepare<[], { published_at: string }>(`SELECT published_at FROM bus_events ORDER BY seq LIMIT 1`),
    };
  }

  /** Deletes at most `limit` prunable entries published before `olderThan`; returns how many went. */
  prune(olderThan: Date, limit: number): number {
    return this.statements.prune.run(olderThan.toISOString(), limit).changes;
  }

  /** When the oldest entry still in the log was published; undefined when the log is empty. */
  oldestPublishedAt(): Date | undefined {
    const row = this.statements.oldest.get();
    return row ? new Date(row.published_at) : undefined;
  }
}
