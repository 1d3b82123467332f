// Outbox over the SQLite event store file: pending rows joined with their events, claimed in seq
// (append) order under a single lease row, so two relay processes on one file do not both publish.
import { sourceOf, type ServiceName } from '@mediaflow/contracts';
import type { ClaimRequest, Outbox, OutboxEntry } from '../outbox';
import type { SqliteDatabase } from './sqlite-schema';
import { storedEventFromRow, type EventRow } from './sqlite-rows';

type PendingRow = EventRow & { seq: number };

export class SqliteOutbox implements Outbox {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly service: ServiceName,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = {
      pending: db.prepare<[number], PendingRow>(
        `SELECT o.seq, e.* FROM outbox o
           JOIN events e ON e.stream_id = o.stream_id AND e.stream_version = o.stream_version
          WHERE o.published_at IS NULL ORDER BY o.seq LIMIT ?`,
      ),
      claim: db.prepare<[], { relay_id: string; lease_until: number }>(
        'SELECT relay_id, lease_until FROM outbox_claim WHERE id = 1',
      ),
      takeClaim: db.prepare(
        `INSERT INTO outbox_claim (id, relay_id, lease_until) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET relay_id = excluded.relay_id, lease_until = excluded.lease_until`,
      ),
      releaseClaim: db.prepare('DELETE FROM outbox_claim WHERE id = 1 AND relay_id = ?'),
      markPublished: db.prepare('UPDATE outbox SET published_at = ? WHERE seq = ? AND published_at IS NULL'),
    };
  }

  async claimPending({ relayId, limit, leaseMs }: ClaimRequest): Promise<OutboxEntry[]> {
    const claim = this.db.transaction((): PendingRow[] => {
      const rows = this.statements.pending.all(limit);
      if (rows.length === 0) return []; // an idle poll writes nothing
      const nowMs = this.now().getTime();
      const current = this.statements.claim.get();
      if (current && current.relay_id !== relayId && current.lease_until > nowMs) return [];
      this.statements.takeClaim.run(relayId, nowMs + leaseMs);
      return rows;
    });
    const source = sourceOf(this.service);
    return claim
      .immediate()
      .map((row) => ({ ...storedEventFromRow(row), outboxId: String(row.seq), source }));
  }

  async markPublished(entries: readonly OutboxEntry[]): Promise<void> {
    const publishedAt = this.now().toISOString();
    this.db
      .transaction(() => {
        for (const entry of entries) this.statements.markPublished.run(publishedAt, Number(entry.outboxId));
      })
      .immediate();
  }

  async releaseClaim(relayId: string): Promise<void> {
    this.statements.releaseClaim.run(relayId);
  }
}
