// The embedded deployment's bus: one SQLite file (WAL) holding the event log, each subscriber's
// checkpoint and pending deliveries, and the dead letters. Publishing appends to the log and wakes
// this process's consumers; routing uses the same patterns as the EventBridge rules.
import type { BusEnvelope } from '@mediaflow/contracts';
import type { SqliteDriver } from '@mediaflow/sqlite';
import type { ServiceDeclaration } from '@mediaflow/topology';
import type { DeadLetters } from '../../ports/dead-letters';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import type { EventConsumer } from '../../ports/event-consumer';
import type { EventPublisher } from '../../ports/event-publisher';
import { checkReplayWindow, type ReplayWindow } from '../../errors/replay-window-invalid';
import { prepareForPublish } from '../../prepare-for-publish';
import { SqliteBusRetention } from './sqlite-bus-retention';
import { SqliteDeadLetters } from './sqlite-dead-letters';
import { SqliteDeliveries } from './sqlite-deliveries';
import { SqliteEventConsumer, type SqliteConsumerOptions } from './sqlite-event-consumer';
import { openBusDatabase, type BusDatabase } from './sqlite-schema';

interface SqliteBusOptions {
  /** Path of the bus file (created if missing), e.g. `${dataDir}/bus.sqlite`. */
  readonly file: string;
  readonly validate: EnvelopeValidator;
  /** Which SQLite driver opens the file; default: the one for the running Node (defaultSqliteDriver). */
  readonly driver?: SqliteDriver;
}

export class SqliteBus implements EventPublisher {
  private readonly db: BusDatabase;
  private readonly consumers = new Set<SqliteEventConsumer>();
  private readonly retention: SqliteBusRetention;

  constructor(private readonly options: SqliteBusOptions) {
    this.db = openBusDatabase(options.file, options.driver);
    this.retention = new SqliteBusRetention(this.db);
  }

  async publish(envelopes: readonly BusEnvelope[]): Promise<void> {
    // Validated and size-checked like EventBridge, so what works here works on AWS.
    const events = prepareForPublish(envelopes, this.options.validate);
    const insert = this.db.prepare(`INSERT INTO bus_events (body, published_at) VALUES (?, ?)`);
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const { envelope } of events) insert.run(JSON.stringify(envelope), at);
    })();
    for (const consumer of this.consumers) consumer.wakeup.wake();
  }

  /**
   * Registers a subscriber's checkpoint (at the current end of the log) if it has none. Call it for
   * every service at start-up, before anything publishes, as provisioning does for EventBridge rules.
   */
  provision(declaration: ServiceDeclaration): void {
    new SqliteDeliveries(this.db, declaration).register();
  }

  /** A consumer of the subscriber's events; at most one running per subscriber per file. */
  consumer(declaration: ServiceDeclaration, options: SqliteConsumerOptions = {}): EventConsumer {
    const consumer = new SqliteEventConsumer(
      new SqliteDeliveries(this.db, declaration),
      declaration,
      this.options.validate,
      options,
    );
    this.consumers.add(consumer);
    return consumer;
  }

  /**
   * Replays the events published in [from, to) to this one subscriber: its consumer receives them
   * again (the same envelopes, so the same eventIds its inbox deduplicates on); no one else does.
   * Only what the log still holds can be replayed: `prune` bounds how far back a window reaches.
   */
  replay(declaration: ServiceDeclaration, window: ReplayWindow, now = new Date()): { queued: number } {
    checkReplayWindow(window, now);
    const deliveries = new SqliteDeliveries(this.db, declaration);
    const queued = deliveries.replay(window.from.toISOString(), window.to.toISOString(), now.getTime());
    for (const consumer of this.consumers) consumer.wakeup.wake();
    return { queued };
  }

  /**
   * Deletes at most `limit` log entries published before `olderThan` that every subscriber has routed
   * and none still has pending; returns how many went (call again while it returns `limit`). Dead
   * letters are never pruned. The embedded runtime calls it on MEDIAFLOW_RETENTION_SECONDS.
   */
  prune(olderThan: Date, limit: number): number {
    return this.retention.prune(olderThan, limit);
  }

  /** When the oldest event the log still holds was published (undefined: the log is empty). */
  oldestEventAt(): Date | undefined {
    return this.retention.oldestPublishedAt();
  }

  deadLetters(declaration: ServiceDeclaration): DeadLetters {
    return new SqliteDeadLetters(this.db, declaration.service, this.options.validate);
  }

  /** Stops every consumer made here, then closes the file. */
  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
    this.db.close();
  }
}
