// Publishes what the store appended: claims the oldest pending outbox entries, hands them to the bus
// and marks them published only after the bus accepted them. A crash in between means they are
// published again (at-least-once); consumers' inboxes turn that into exactly-once effects.
import { randomUUID } from 'node:crypto';
import { createLogger, type Logger } from '@mediaflow/logging';
import type { Outbox, OutboxEntry } from './outbox';

/** Sends entries to the bus; resolving means every entry was accepted, throwing means retry them all. */
export type PublishOutboxEntries = (entries: readonly OutboxEntry[]) => Promise<void>;

/** The part of @mediaflow/logging's logger the relay uses (tests pass a recorder). */
type RelayLogger = Pick<Logger, 'debug' | 'warn'>;

export interface OutboxRelayOptions {
  readonly outbox: Outbox;
  readonly publish: PublishOutboxEntries;
  /** Entries per claim and publish call (default 50). */
  readonly batchSize?: number;
  /** Pause between polls when the outbox is drained (default 1 s). */
  readonly intervalMs?: number;
  /** Ceiling of the exponential backoff after failed runs (default 30 s). */
  readonly maxBackoffMs?: number;
  /** How long a relay that died mid-run keeps others off its claim (default 30 s; keep it above a publish call). */
  readonly leaseMs?: number;
  readonly relayId?: string;
  readonly logger?: RelayLogger;
}

export class OutboxRelay {
  readonly relayId: string;
  private readonly outbox: Outbox;
  private readonly publish: PublishOutboxEntries;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly leaseMs: number;
  private readonly logger: RelayLogger;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** The run in flight (or the last one): runs never overlap, whoever asks for them. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: OutboxRelayOptions) {
    this.outbox = options.outbox;
    this.publish = options.publish;
    this.batchSize = options.batchSize ?? 50;
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.relayId = options.relayId ?? randomUUID();
    this.logger = options.logger ?? createLogger('event-store', { relayId: this.relayId });
  }

  /** Claims, publishes and marks one batch; resolves with how many entries were published. */
  relayOnce(): Promise<number> {
    const run = this.tail.then(() => this.relayBatch());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Relays batch after batch until one comes back short (a scheduled Lambda's whole job). */
  async drain(): Promise<number> {
    let total = 0;
    for (let published = this.batchSize; published === this.batchSize; total += published) {
      published = await this.relayOnce();
    }
    return total;
  }

  /** Polls in the background: at once after a full batch, every intervalMs when idle, backing off on failure. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the run in flight, if any. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail;
  }

  private async relayBatch(): Promise<number> {
    const entries = await this.outbox.claimPending({
      relayId: this.relayId,
      limit: this.batchSize,
      leaseMs: this.leaseMs,
    });
    if (entries.length === 0) return 0;
    try {
      await this.publish(entries);
      await this.outbox.markPublished(entries);
    } finally {
      // Released on failure too: another relay may take over at once rather than after the lease.
      await this.outbox
        .releaseClaim(this.relayId)
        .catch((error: unknown) => this.logger.warn('could not release the outbox claim', { error }));
    }
    this.logger.debug('published outbox entries', {
      count: entries.length,
      lastOutboxId: entries.at(-1)?.outboxId,
    });
    return entries.length;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    let delayMs: number;
    try {
      const published = await this.relayOnce();
      this.failures = 0;
      delayMs = published === this.batchSize ? 0 : this.intervalMs;
    } catch (error) {
      this.failures += 1;
      delayMs = this.backoffMs();
      this.logger.warn('outbox relay run failed, entries stay pending', {
        error,
        failures: this.failures,
        retryInMs: delayMs,
      });
    }
    if (this.running) this.schedule(delayMs);
  }

  /** Exponential with "equal jitter", so relays of many services do not retry in step. */
  private backoffMs(): number {
    const ceiling = Math.min(this.maxBackoffMs, this.intervalMs * 2 ** this.failures);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}
