// The delivery loop: claims due deliveries from the durable queue and runs up to `concurrency`
// attempts at once, polling when idle and woken at once by an in-process enqueue or a freed slot.
// stop() aborts attempts in flight and gives their claims back, so a restart picks them up at once.
import type { Logger } from '@mediaflow/logging';
import type { Clock } from '@mediaflow/service-kit';
import type { ClaimedDelivery, DeliveryStore } from '../ports/delivery-store';
import type { DeliveryRun } from './deliver-webhook';

interface WebhookDispatcherOptions {
  readonly deliveries: DeliveryStore;
  readonly deliver: (claimed: ClaimedDelivery, signal: AbortSignal) => Promise<DeliveryRun>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  /** Keeps other dispatchers off a claimed delivery; above the send timeout plus settling. */
  readonly leaseMs: number;
}

export class WebhookDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private abort = new AbortController();
  private wakeUp: (() => void) | undefined;
  /** A wake that came while the loop was busy: the next sleep returns at once. */
  private woken = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Aborts attempts in flight (their deliveries are released, not counted) and waits for the loop. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    this.wake();
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  /** Something was enqueued (or a slot freed): look for due deliveries now rather than at the next poll. */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    if (wakeUp) wakeUp();
    else this.woken = true;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = free > 0 ? await this.claim(free) : [];
      } catch (error) {
        this.options.logger.warn('claiming due webhook deliveries failed; retrying after the poll interval', { error: error as Error });
      }
      for (const delivery of claimed) {
        const running: Promise<void> = this.deliverSafely(delivery).finally(() => {
          this.inFlight.delete(running);
          this.wake();
        });
        this.inFlight.add(running);
      }
      // A full claim may have left more due: claim again at once; otherwise wait for a poll or a wake.
      if (free > 0 && claimed.length === free) continue;
      await this.sleep(this.options.pollIntervalMs);
    }
  }

  private claim(limit: number): Promise<ClaimedDelivery[]> {
    return this.options.deliveries.claimDue({ now: this.options.clock.now(), limit, leaseMs: this.options.leaseMs });
  }

  private async deliverSafely(claimed: ClaimedDelivery): Promise<void> {
    try {
      await this.options.deliver(claimed, this.abort.signal);
    } catch (error) {
      // The claim lapses and the delivery is due again after its lease: nothing is lost.
      this.options.logger.error('webhook delivery failed unexpectedly; retried after its lease', {
        subscriptionId: claimed.subscriptionId,
        eventId: claimed.eventId,
        error: error as Error,
      });
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running || this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
