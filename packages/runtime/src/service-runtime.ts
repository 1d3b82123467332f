// Runs what a service does in the background: the outbox relay publishing its events, when it
// subscribes to anything the consumer feeding its handlers, and (embedded) the pruning of its store.
// Stops in the safe order: no new deliveries first, then the relay publishes what the last handlers appended.
import type { EventConsumer } from '@mediaflow/bus';
import type { OutboxRelay } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import { dispatchTo, type TypedHandlers } from '@mediaflow/service-kit';
import type { RetentionPruner } from './retention-pruner';

export class ServiceRuntime {
  private running = false;

  constructor(
    private readonly service: string,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer | undefined,
    private readonly handlers: TypedHandlers,
    private readonly logger: Logger,
    private readonly pruner?: RetentionPruner,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.relay.start();
    if (this.consumer) await this.consumer.start(dispatchTo(this.handlers, this.logger));
    this.pruner?.start();
    this.logger.info('service runtime started', { serviceName: this.service, consuming: Boolean(this.consumer) });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.pruner?.stop();
    await this.consumer?.stop();
    await this.relay.drain().catch((error: unknown) => this.logger.warn('relay drain failed at stop', { error: error as Error }));
    await this.relay.stop();
    this.logger.info('service runtime stopped', { serviceName: this.service });
  }
}
