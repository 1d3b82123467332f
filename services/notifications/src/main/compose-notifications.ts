// The wiring both modes share, given the mode's container and storage adapters: the application
// objects, the bus handlers, the relay that also keeps the read model in step, the dispatcher and
// the router. Only composition roots call container.get.
import { randomBytes } from 'node:crypto';
import type { Container } from 'inversify';
import type { EventPublisher } from '@mediaflow/bus';
import { OutboxRelay, type Outbox } from '@mediaflow/event-store';
import type { ServiceRouter } from '@mediaflow/http';
import { TOKENS, type ServiceInfrastructureConfig } from '@mediaflow/runtime';
import { publishPublicEvents } from '@mediaflow/service-kit';
import { deliverWebhook } from '../application/deliver-webhook';
import { LiveEventHub } from '../application/live-event-hub';
import { LiveFeed } from '../application/live-feed';
import { NotificationFanOut } from '../application/notification-fan-out';
import { projectOutboxEntries } from '../application/subscription-projection';
import { WebhookCommands } from '../application/webhook-commands';
import { WebhookDispatcher } from '../application/webhook-dispatcher';
import { WebhookQueries } from '../application/webhook-queries';
import type { Entropy } from '../application/webhook-settings';
import { notificationsRouter } from '../adapters/http/notifications-router';
import type { DeliveryStore } from '../ports/delivery-store';
import type { RecentEventsLog } from '../ports/recent-events-log';
import type { SubscriptionsView } from '../ports/subscriptions-view';
import type { WebhookSender } from '../ports/webhook-sender';
import type { NotificationsSettings } from './notifications-config';

export interface NotificationsAdapters {
  readonly view: SubscriptionsView;
  readonly deliveries: DeliveryStore;
  readonly sender: WebhookSender;
  readonly recent: RecentEventsLog;
  readonly entropy?: Entropy;
  /**
   * Whether the SSE side must tail the recent-events log: true when the process serving HTTP may not
   * be the one consuming the bus (AWS api and worker tasks); false embedded, where one process does both.
   */
  readonly tailRecentEvents: boolean;
}

export interface NotificationsParts {
  readonly router: ServiceRouter;
  readonly commands: WebhookCommands;
  readonly dispatcher: WebhookDispatcher;
  readonly hub: LiveEventHub;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const systemEntropy: Entropy = { bytes: (size) => randomBytes(size), fraction: () => Math.random() };

/** container.get typed by the token's declared type. */
const resolver =
  (container: Container) =>
  <T>(token: symbol & { __type?: T }): T =>
    container.get<T>(token);

export const composeNotifications = (container: Container, adapters: NotificationsAdapters, settings: NotificationsSettings): NotificationsParts => {
  const get = resolver(container);
  const store = get(TOKENS.EventStore);
  const clock = get(TOKENS.Clock);
  const logger = get(TOKENS.Logger);
  const { view, deliveries, sender, recent } = adapters;
  const entropy = adapters.entropy ?? systemEntropy;
  const commands = new WebhookCommands({ store, clock, ids: get(TOKENS.Ids), view, deliveries, entropy, settings: settings.webhooks });
  const hub = new LiveEventHub({ bufferPerOwner: settings.replayEventsPerOwner });
  const deliveryDeps = { store, deliveries, sender, commands, clock, entropy, settings: settings.webhooks, logger };
  const dispatcher = new WebhookDispatcher({ deliveries, deliver: (claimed, signal) => deliverWebhook(deliveryDeps, claimed, signal), clock, logger, ...settings.dispatcher });
  const feed = new LiveFeed({
    log: recent,
    hub,
    clock,
    logger,
    replayWindowMs: settings.replaySeconds * 1000,
    limit: settings.replayEventsPerOwner,
    tail: adapters.tailRecentEvents ? { pollIntervalMs: settings.tailIntervalMs, lookbackMs: 5000 } : false,
  });
  const fanOut = new NotificationFanOut({ view, deliveries, hub, recent, clock, onEnqueued: () => dispatcher.wake() });
  container.bind(TOKENS.EventHandlers).toConstantValue(fanOut.handlers());
  // The relay also projects the subscription events it sees: a crash between a command's append and
  // its projection is repaired on the relay's next run.
  container
    .rebind(TOKENS.OutboxRelay)
    .toDynamicValue((ctx) => {
      const publish = publishPublicEvents(ctx.get<EventPublisher>(TOKENS.EventPublisher));
      return new OutboxRelay({
        outbox: ctx.get<Outbox>(TOKENS.Outbox),
        publish: async (entries) => {
          await projectOutboxEntries(store, view, entries);
          await publish(entries);
        },
        intervalMs: ctx.get<ServiceInfrastructureConfig>(TOKENS.Config).MEDIAFLOW_RELAY_INTERVAL_MS,
        logger,
      });
    })
    .inSingletonScope();
  const runtime = get(TOKENS.Runtime);
  const router = notificationsRouter({ commands, queries: new WebhookQueries(view, deliveries), hub, feed, stream: settings.stream });
  return {
    router,
    commands,
    dispatcher,
    hub,
    async start() {
      await runtime.start();
      dispatcher.start();
    },
    async stop() {
      // Streams first (clients reconnect elsewhere), then deliveries in flight are released, then the bus.
      hub.closeAll();
      feed.close();
      await dispatcher.stop();
      await runtime.stop();
    },
  };
};
