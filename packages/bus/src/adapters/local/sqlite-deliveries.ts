// One subscriber's delivery bookkeeping in SQL: routing new log entries through its patterns (the
// same eventPatternOf/matchesPattern as the EventBridge rules), leasing due deliveries, and settling them.
import {
  eventPatternOf,
  matchesPattern,
  type RoutableEvent,
  type ServiceDeclaration,
} from '@mediaflow/topology';
import type { DeadLetterError } from '../../ports/dead-letters';
import type { BusDatabase } from './sqlite-schema';

export interface LeasedDelivery {
  readonly seq: number;
  /** Counting this one. */
  readonly attempts: number;
  readonly body: string;
}

/** The routing fields of a stored body, or undefined when it has none (EventBridge would not match it either). */
const routableOf = (body: string): RoutableEvent | undefined => {
  try {
    const e = JSON.parse(body) as {
      source?: unknown;
      'detail-type'?: unknown;
      detail?: { metadata?: { version?: unknown } };
    };
    const version = e.detail?.metadata?.version;
    if (typeof e.source !== 'string' || typeof e['detail-type'] !== 'string' || typeof version !== 'number')
      return undefined;
    return { source: e.source, 'detail-type': e['detail-type'], detail: { metadata: { version } } };
  } catch {
    return undefined;
  }
};

export class SqliteDeliveries {
  readonly subscriber: string;
  private readonly patterns;

  constructor(
    private readonly db: BusDatabase,
    private readonly declaration: ServiceDeclaration,
  ) {
    this.subscriber = declaration.service;
    this.patterns = declaration.subscriptions.map(eventPatternOf);
  }

  /** Creates the checkpoint at the end of the log if missing: like a new EventBridge rule, it sees only later events. */
  register(): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO bus_subscribers (subscriber, checkpoint, registered_at)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) FROM bus_events), ?)`,
      )
      .run(this.subscriber, new Date().toISOString());
  }

  /** Routes what the log gained since the checkpoint, then leases up to `limit` due deliveries in log order. */
  lease(limit: number, now: number): LeasedDelivery[] {
    return this.db
      .transaction(() => {
        this.route(now);
        const rows = this.db
          .prepare(
            `SELECT d.seq, d.attempts + 1 AS attempts, e.body FROM bus_deliveries d JOIN bus_events e ON e.seq = d.seq
           WHERE d.subscriber = ? AND d.due_at <= ? AND (d.leased_until IS NULL OR d.leased_until <= ?)
           ORDER BY d.seq LIMIT ?`,
          )
          .all(this.subscriber, now, now, limit) as LeasedDelivery[];
        const take = this.db.prepare(
          `UPDATE bus_deliveries SET attempts = ?, leased_until = ? WHERE subscriber = ? AND seq = ?`,
        );
        const until = now + this.declaration.visibilityTimeoutSeconds * 1000;
        for (const r of rows) take.run(r.attempts, until, this.subscriber, r.seq);
        return rows;
      })
      .immediate();
  }

  private route(now: number): void {
    const checkpoint = (
      this.db.prepare(`SELECT checkpoint FROM bus_subscribers WHERE subscriber = ?`).get(this.subscriber) as
        { checkpoint: number } | undefined
    )?.checkpoint;
    if (checkpoint === undefined) throw new Error(`subscriber ${this.subscriber} is not registered`);
    const events = this.db
      .prepare(`SELECT seq, body FROM bus_events WHERE seq > ? ORDER BY seq LIMIT 1000`)
      .all(checkpoint) as { seq: number; body: string }[];
    const last = events.at(-1);
    if (!last) return;
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO bus_deliveries (subscriber, seq, due_at) VALUES (?, ?, ?)`,
    );
    for (const { seq, body } of events) {
      const event = routableOf(body);
      if (event && this.patterns.some((p) => matchesPattern(p, event))) insert.run(this.subscriber, seq, now);
    }
    this.db
      .prepare(`UPDATE bus_subscribers SET checkpoint = ? WHERE subscriber = ?`)
      .run(last.seq, this.subscriber);
  }

  /**
   * Routes the log's events published in [from, to) to this subscriber again (a replay): same log
   * rows, so the same envelopes and event ids. Events still pending for it are not doubled. Returns
   * how many deliveries it queued.
   */
  replay(from: string, to: string, now: number): number {
    return this.db
      .transaction(() => {
        this.route(now);
        const events = this.db
          .prepare(
            `SELECT e.seq, e.body FROM bus_events e JOIN bus_subscribers s ON s.subscriber = ?
             WHERE e.published_at >= ? AND e.published_at < ? AND e.seq <= s.checkpoint ORDER BY e.seq`,
          )
          .all(this.subscriber, from, to) as { seq: number; body: string }[];
        const insert = this.db.prepare(
          `INSERT OR IGNORE INTO bus_deliveries (subscriber, seq, due_at) VALUES (?, ?, ?)`,
        );
        let queued = 0;
        for (const { seq, body } of events) {
          const event = routableOf(body);
          if (event && this.patterns.some((p) => matchesPattern(p, event)))
            queued += Number(insert.run(this.subscriber, seq, now).changes);
        }
        return queued;
      })
      .immediate();
  }

  ack(seq: number): void {
    this.db.prepare(`DELETE FROM bus_deliveries WHERE subscriber = ? AND seq = ?`).run(this.subscriber, seq);
  }

  retryAt(seq: number, dueAt: number, error: DeadLetterError): void {
    this.db
      .prepare(
        `UPDATE bus_deliveries SET leased_until = NULL, due_at = ?, last_error = ? WHERE subscriber = ? AND seq = ?`,
      )
      .run(dueAt, JSON.stringify(error), this.subscriber, seq);
  }

  extendLease(seq: number, until: number): void {
    this.db
      .prepare(`UPDATE bus_deliveries SET leased_until = ? WHERE subscriber = ? AND seq = ?`)
      .run(until, this.subscriber, seq);
  }

  /** Makes leased deliveries due now: at start (taking over from a crashed process) and for handlers abandoned at stop. */
  release(seqs?: readonly number[]): void {
    if (seqs === undefined) {
      this.db
        .prepare(
          `UPDATE bus_deliveries SET leased_until = NULL WHERE subscriber = ? AND leased_until IS NOT NULL`,
        )
        .run(this.subscriber);
      return;
    }
    const one = this.db.prepare(
      `UPDATE bus_deliveries SET leased_until = NULL WHERE subscriber = ? AND seq = ?`,
    );
    this.db.transaction(() => seqs.forEach((seq) => one.run(this.subscriber, seq)))();
  }

  deadLetter(delivery: LeasedDelivery, error: DeadLetterError, at: Date): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO bus_dead_letters (subscriber, seq, body, error, attempts, dead_lettered_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          this.subscriber,
          delivery.seq,
          delivery.body,
          JSON.stringify(error),
          delivery.attempts,
          at.toISOString(),
        );
      this.ack(delivery.seq);
    })();
  }
}
