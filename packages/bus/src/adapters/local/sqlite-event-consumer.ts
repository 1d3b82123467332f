// Delivers one subscriber's events from the embedded bus. Ordering: deliveries are leased in log
// order, at most `concurrency` at a time; with concurrency 1 and no failures a subscriber sees its
// events in publish order, but a failed event is retried later while newer ones go ahead (no
// head-of-line blocking), the same guarantees as an SQS standard queue. Handlers must be idempotent.
import type { BusEnvelope } from '@mediaflow/contracts';
import { createLogger, withCorrelation, type Logger } from '@mediaflow/logging';
import type { ServiceDeclaration } from '@mediaflow/topology';
import { describeFailure } from '../../errors/describe-failure';
import { InFlight } from '../../in-flight';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import type { EventConsumer, EventHandler } from '../../ports/event-consumer';
import { exponentialBackoff, type RetryDelay } from '../../retry-delay';
import type { LeasedDelivery, SqliteDeliveries } from './sqlite-deliveries';
import { Wakeup } from './wakeup';

export interface SqliteConsumerOptions {
  /** Handlers running at once (default 4). */
  readonly concurrency?: number;
  readonly retryDelay?: RetryDelay;
  /** How long stop() waits for running handlers (default: the visibility timeout). */
  readonly stopTimeoutMs?: number;
  /** Polling interval when no publish in this process wakes the loop (default 200 ms). */
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
}

interface Lease {
  abandoned: boolean;
  readonly heartbeat: NodeJS.Timeout;
}

export class SqliteEventConsumer implements EventConsumer {
  readonly wakeup = new Wakeup();
  private readonly inFlight: InFlight;
  private readonly logger: Logger;
  private readonly retryDelay: RetryDelay;
  private readonly leased = new Map<number, Lease>();
  private loop: Promise<void> | undefined;
  private running = false;

  constructor(
    private readonly deliveries: SqliteDeliveries,
    private readonly declaration: ServiceDeclaration,
    private readonly validate: EnvelopeValidator,
    private readonly options: SqliteConsumerOptions = {},
  ) {
    this.inFlight = new InFlight(options.concurrency ?? 4);
    this.logger = options.logger ?? createLogger(declaration.service, { component: 'sqlite-consumer' });
    this.retryDelay = options.retryDelay ?? exponentialBackoff({ baseMs: 1000, maxMs: 5 * 60_000 });
  }

  async start(handler: EventHandler): Promise<void> {
    if (this.loop) throw new Error(`the ${this.declaration.service} consumer is already started`);
    this.deliveries.register();
    // One consumer per subscriber and file: leases left by a crashed process are taken over now,
    // not after their visibility timeout. The interrupted attempt still counts.
    this.deliveries.release();
    this.running = true;
    this.loop = this.run(handler);
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.running = false;
    this.wakeup.wake();
    await this.loop;
    this.loop = undefined;
    const timeout = this.options.stopTimeoutMs ?? this.declaration.visibilityTimeoutSeconds * 1000;
    if (!(await this.inFlight.drain(timeout))) {
      const unfinished = [...this.leased.keys()];
      for (const lease of this.leased.values()) {
        lease.abandoned = true;
        clearInterval(lease.heartbeat);
      }
      this.leased.clear();
      this.deliveries.release(unfinished);
      this.logger.warn('stopped with unfinished handlers; their events are released for redelivery', {
        count: unfinished.length,
      });
    }
  }

  private async run(handler: EventHandler): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 200;
    while (this.running) {
      await this.inFlight.slot();
      if (!this.running) return;
      let batch: LeasedDelivery[] = [];
      try {
        batch = this.deliveries.lease(this.inFlight.free, Date.now());
      } catch (error) {
        this.logger.error('leasing deliveries failed; polling again', { error: error as Error });
      }
      for (const delivery of batch) this.inFlight.track(this.deliver(delivery, handler));
      if (batch.length === 0) await this.wakeup.wait(interval);
    }
  }

  private async deliver(delivery: LeasedDelivery, handler: EventHandler): Promise<void> {
    const lease: Lease = { abandoned: false, heartbeat: this.heartbeat(delivery.seq) };
    this.leased.set(delivery.seq, lease);
    try {
      await this.attempt(delivery, handler, lease);
    } catch (error) {
      this.logger.error('delivery bookkeeping failed; the lease will expire and redeliver', {
        error: error as Error,
      });
    } finally {
      clearInterval(lease.heartbeat);
      if (this.leased.get(delivery.seq) === lease) this.leased.delete(delivery.seq);
    }
  }

  private async attempt(delivery: LeasedDelivery, handler: EventHandler, lease: Lease): Promise<void> {
    const { maxAttempts } = this.declaration;
    if (delivery.attempts > maxAttempts) {
      // The previous holder's last attempt never reported back (crash, or a lease that ran out).
      const error = {
        code: 'MAX_ATTEMPTS_EXCEEDED',
        message: 'the last attempt never completed (consumer crashed or timed out)',
      };
      return this.deliveries.deadLetter({ ...delivery, attempts: maxAttempts }, error, new Date());
    }
    let envelope: BusEnvelope;
    try {
      envelope = this.validate(JSON.parse(delivery.body));
    } catch (error) {
      // A message that breaks its contract will not get better: dead-letter it now.
      this.logger.warn('invalid envelope dead-lettered', { seq: delivery.seq, error: error as Error });
      return this.deliveries.deadLetter(delivery, describeFailure(error), new Date());
    }
    const receivedAt = new Date();
    try {
      await handler(envelope, { attempt: delivery.attempts, receivedAt });
      if (!lease.abandoned) this.deliveries.ack(delivery.seq);
    } catch (error) {
      if (lease.abandoned) return;
      const { eventId, correlationId } = envelope.detail.metadata;
      const log = withCorrelation(this.logger, correlationId, { eventId });
      if (delivery.attempts >= maxAttempts) {
        log.error('handler failed on its last attempt; dead-lettering', {
          attempt: delivery.attempts,
          error: error as Error,
        });
        return this.deliveries.deadLetter(delivery, describeFailure(error), new Date());
      }
      const delay = this.retryDelay(delivery.attempts);
      log.warn('handler failed; retrying later', {
        attempt: delivery.attempts,
        retryInMs: delay,
        error: error as Error,
      });
      this.deliveries.retryAt(delivery.seq, Date.now() + delay, describeFailure(error));
    }
  }

  /** Extends the lease while a long handler runs, so no other process takes the event over. */
  private heartbeat(seq: number): NodeJS.Timeout {
    const ms = this.declaration.visibilityTimeoutSeconds * 1000;
    return setInterval(
      () => {
        try {
          this.deliveries.extendLease(seq, Date.now() + ms);
        } catch (error) {
          this.logger.warn('lease extension failed', { seq, error: error as Error });
        }
      },
      Math.max(500, ms / 2),
    ); // never a busy loop, whatever the visibility timeout
  }
}
