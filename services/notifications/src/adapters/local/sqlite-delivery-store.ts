// The delivery queue and log in notifications' SQLite file. Every method is one transaction; a claim
// moves due_at to the end of its lease, so an unsettled claim (a crash) is simply due again later.
import { randomUUID } from 'node:crypto';
import { HEALTHY, nextHealth, type EndpointHealth } from '../../domain/endpoint-health';
import { statusAfter, type AttemptLogEntry, type ClaimedDelivery, type ClaimRequest, type Delivery, type DeliveryStore, type NewDelivery } from '../../ports/delivery-store';
import type { NotificationsDatabase } from './notifications-database';
import { toAttempt, toAttemptRow, toClaimed, toDelivery, type AttemptRow, type DeliveryRow } from './sqlite-delivery-rows';

interface HealthRow {
  consecutive_failures: number;
  failing_since: number | null;
}

export class SqliteDeliveryStore implements DeliveryStore {
  constructor(private readonly db: NotificationsDatabase) {}

  async enqueue(consumedEventId: string, deliveries: readonly NewDelivery[], now: Date): Promise<'enqueued' | 'duplicate'> {
    const at = now.getTime();
    return this.db.transaction((): 'enqueued' | 'duplicate' => {
      const handled = this.db.prepare(`INSERT OR IGNORE INTO handled_events (event_id, handled_at) VALUES (?, ?)`).run(consumedEventId, at);
      if (handled.changes === 0) return 'duplicate';
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO deliveries (subscription_id, event_id, owner_id, event_type, body, status, attempts, due_at, created_at)
         VALUES (@subscriptionId, @eventId, @ownerId, @eventType, @body, 'pending', 0, @at, @at)`,
      );
      let added = 0;
      for (const d of deliveries) added += insert.run({ ...d, at }).changes;
      return added === 0 && deliveries.length > 0 ? 'duplicate' : 'enqueued';
    }).immediate();
  }

  async claimDue({ now, limit, leaseMs }: ClaimRequest): Promise<ClaimedDelivery[]> {
    const at = now.getTime();
    return this.db.transaction(() => {
      const due = this.db
        .prepare(`SELECT * FROM deliveries WHERE status = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?`)
        .all(at, limit) as DeliveryRow[];
      const lease = this.db.prepare(`UPDATE deliveries SET claim = ?, due_at = ? WHERE subscription_id = ? AND event_id = ?`);
      return due.map((row) => {
        const claim = randomUUID();
        lease.run(claim, at + leaseMs, row.subscription_id, row.event_id);
        return toClaimed(row, claim);
      });
    }).immediate();
  }

  async recordAttempt(claimed: ClaimedDelivery, entry: AttemptLogEntry): Promise<EndpointHealth | undefined> {
    const status = statusAfter(entry.outcome);
    const attempts = entry.outcome === 'cancelled' ? claimed.attempts : entry.attempt;
    return this.db.transaction((): EndpointHealth | undefined => {
      const settled = this.db
        .prepare(
          `UPDATE deliveries SET status = ?, attempts = ?, due_at = ?, claim = NULL, finished_at = ?
           WHERE subscription_id = ? AND event_id = ? AND claim = ? AND status = 'pending'`,
        )
        .run(status, attempts, status === 'pending' ? (entry.nextAttemptAt?.getTime() ?? entry.attemptedAt.getTime()) : null, status === 'pending' ? null : entry.attemptedAt.getTime(), claimed.subscriptionId, claimed.eventId, claimed.claim);
      if (settled.changes === 0) return undefined;
      this.db
        .prepare(
          `INSERT OR REPLACE INTO delivery_attempts VALUES (@subscription_id, @attempted_at, @event_id, @attempt, @outcome, @event_type, @response_status, @duration_ms, @error, @next_attempt_at)`,
        )
        .run(toAttemptRow(entry));
      const health = this.health(claimed.subscriptionId);
      if (entry.outcome === 'cancelled') return health;
      const next = nextHealth(health, entry.outcome === 'delivered', entry.attemptedAt);
      this.db
        .prepare(`INSERT OR REPLACE INTO endpoint_health (subscription_id, consecutive_failures, failing_since) VALUES (?, ?, ?)`)
        .run(claimed.subscriptionId, next.consecutiveFailures, next.failingSince?.getTime() ?? null);
      return next;
    }).immediate();
  }

  async release(claimed: ClaimedDelivery, now: Date): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET claim = NULL, due_at = ? WHERE subscription_id = ? AND event_id = ? AND claim = ? AND status = 'pending'`)
      .run(now.getTime(), claimed.subscriptionId, claimed.eventId, claimed.claim);
  }

  async recentAttempts(subscriptionId: string, limit: number): Promise<AttemptLogEntry[]> {
    const rows = this.db
      .prepare(`SELECT * FROM delivery_attempts WHERE subscription_id = ? ORDER BY attempted_at DESC, attempt DESC LIMIT ?`)
      .all(subscriptionId, limit) as AttemptRow[];
    return rows.map(toAttempt);
  }

  async get(subscriptionId: string, eventId: string): Promise<Delivery | undefined> {
    const row = this.db.prepare(`SELECT * FROM deliveries WHERE subscription_id = ? AND event_id = ?`).get(subscriptionId, eventId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  async resetHealth(subscriptionId: string): Promise<void> {
    this.db.prepare(`DELETE FROM endpoint_health WHERE subscription_id = ?`).run(subscriptionId);
  }

  async prune(before: Date): Promise<void> {
    const at = before.getTime();
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM delivery_attempts WHERE attempted_at < ?`).run(at);
      this.db.prepare(`DELETE FROM deliveries WHERE status <> 'pending' AND finished_at < ?`).run(at);
      this.db.prepare(`DELETE FROM handled_events WHERE handled_at < ?`).run(at);
    }).immediate();
  }

  private health(subscriptionId: string): EndpointHealth {
    const row = this.db.prepare(`SELECT * FROM endpoint_health WHERE subscription_id = ?`).get(subscriptionId) as HealthRow | undefined;
    if (!row) return HEALTHY;
    return { consecutiveFailures: row.consecutive_failures, failingSince: row.failing_since === null ? null : new Date(row.failing_since) };
  }
}
