// What notifications does with every public event it consumes: hand it to the owner's live streams
// (and the recent-events log behind them), and enqueue one webhook delivery per active subscription of the owner whose filter matches. The
// enqueue records the event id in the same transaction, so a redelivered event enqueues nothing twice.
import type { KnownEvent } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import type { Clock, TypedHandlers } from '@mediaflow/service-kit';
import { filterMatches, NOTIFIED_EVENTS } from '../domain/notified-events';
import { serialisePayload, type NotifiedEvent } from '../domain/notification-payload';
import type { DeliveryStore, NewDelivery } from '../ports/delivery-store';
import type { RecentEventsLog } from '../ports/recent-events-log';
import type { SubscriptionsView } from '../ports/subscriptions-view';
import type { LiveEventHub } from './live-event-hub';

interface FanOutDependencies {
  readonly view: SubscriptionsView;
  readonly deliveries: DeliveryStore;
  readonly hub: LiveEventHub;
  /** Persisted for replay after a restart and for streams served by another process. */
  readonly recent: RecentEventsLog;
  readonly clock: Clock;
  /** Called after deliveries were enqueued, so an in-process dispatcher need not wait for its next poll. */
  readonly onEnqueued?: () => void;
}

const toNotifiedEvent = (event: KnownEvent): NotifiedEvent => ({
  eventId: event.metadata.eventId,
  ownerId: event.metadata.ownerId,
  payload: { type: event.name, timestamp: event.metadata.occurredAt, version: event.version, data: event.data as NotifiedEvent['payload']['data'] },
});

export class NotificationFanOut {
  constructor(private readonly deps: FanOutDependencies) {}

  async handle(event: KnownEvent, logger?: Logger): Promise<void> {
    const notified = toNotifiedEvent(event);
    // Live streams first and synchronously, so they see events in the order the bus hands them over;
    // if the enqueue below fails, the bus redelivers and the hub drops the repeat.
    this.deps.hub.publish(notified);
    await this.deps.recent.append(notified, this.deps.clock.now());
    const subscriptions = await this.deps.view.listByOwner(notified.ownerId);
    const deliveries: NewDelivery[] = subscriptions
      .filter((s) => s.status === 'active' && filterMatches(s.eventTypes, event.name))
      .map((s) => ({ subscriptionId: s.subscriptionId, ownerId: notified.ownerId, eventId: notified.eventId, eventType: event.name, body: serialisePayload(notified.payload) }));
    if (deliveries.length > 0) {
      const result = await this.deps.deliveries.enqueue(notified.eventId, deliveries, this.deps.clock.now());
      logger?.debug('webhook deliveries enqueued', { result, deliveries: deliveries.length });
      if (result === 'enqueued') this.deps.onEnqueued?.();
    }
  }

  /** The service's bus handlers: every notified event goes through handle(). */
  handlers(): TypedHandlers {
    const handle = (event: KnownEvent, ctx: { logger: Logger }): Promise<void> => this.handle(event, ctx.logger);
    return Object.fromEntries(NOTIFIED_EVENTS.map((name) => [name, handle])) as TypedHandlers;
  }
}
