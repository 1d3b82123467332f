// The notifications module, the same in both modes once the mode's module has bound the storage
// adapters and the sender: the application objects, the bus handlers, the relay hook that keeps the
// read model in step, the dispatcher and the router. Only composition roots call container.get.
import { randomBytes } from 'node:crypto';
import { ContainerModule } from 'inversify';
import type { ServiceRouter } from '@mediaflow/http';
import { bindTyped, resolve, TOKENS } from '@mediaflow/runtime';
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
import type { NotificationsSettings } from './notifications-config';
import { NOTIFICATIONS_TOKENS } from './notifications-tokens';

interface NotificationsModeOptions {
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
  readonly feed: LiveFeed;
  readonly fanOut: NotificationFanOut;
}

const systemEntropy: Entropy = { bytes: (size) => randomBytes(size), fraction: () => Math.random() };

export const notificationsModule = (settings: NotificationsSettings, mode: NotificationsModeOptions): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindTyped(bind, NOTIFICATIONS_TOKENS.Parts)
      .toDynamicValue((ctx): NotificationsParts => {
        const store = resolve(ctx, TOKENS.EventStore);
        const clock = resolve(ctx, TOKENS.Clock);
        const logger = resolve(ctx, TOKENS.Logger);
        const view = resolve(ctx, NOTIFICATIONS_TOKENS.SubscriptionsView);
        const deliveries = resolve(ctx, NOTIFICATIONS_TOKENS.Deliveries);
        const recent = resolve(ctx, NOTIFICATIONS_TOKENS.RecentEvents);
        const sender = resolve(ctx, NOTIFICATIONS_TOKENS.Sender);
        const entropy = ctx.get(NOTIFICATIONS_TOKENS.Entropy, { optional: true }) ?? systemEntropy;
        const commands = new WebhookCommands({ store, clock, ids: resolve(ctx, TOKENS.Ids), view, deliveries, entropy, settings: settings.webhooks });
        const hub = new LiveEventHub({ bufferPerOwner: settings.replayEventsPerOwner });
        const deliveryDeps = { store, deliveries, sender, commands, clock, entropy, settings: settings.webhooks, logger };
        const dispatcher = new WebhookDispatcher({
          deliveries,
          deliver: (claimed, signal) => deliverWebhook(deliveryDeps, claimed, signal),
          clock,
          logger,
          ...settings.dispatcher,
        });
        const feed = new LiveFeed({
          log: recent,
          hub,
          clock,
          logger,
          replayWindowMs: settings.replaySeconds * 1000,
          limit: settings.replayEventsPerOwner,
          tail: mode.tailRecentEvents ? { pollIntervalMs: settings.tailIntervalMs, lookbackMs: 5000 } : false,
        });
        const fanOut = new NotificationFanOut({ view, deliveries, hub, recent, clock, onEnqueued: () => dispatcher.wake() });
        const router = notificationsRouter({ commands, queries: new WebhookQueries(view, deliveries), hub, feed, stream: settings.stream });
        return { router, commands, dispatcher, hub, feed, fanOut };
      })
      .inSingletonScope();
    bindTyped(bind, TOKENS.EventHandlers)
      .toDynamicValue((ctx) => resolve(ctx, NOTIFICATIONS_TOKENS.Parts).fanOut.handlers())
      .inSingletonScope();
    // The relay also projects the subscription events it sees: a crash between a command's append and
    // its projection is repaired on the relay's next run.
    bindTyped(bind, TOKENS.BeforePublish).toDynamicValue((ctx) => {
      const store = resolve(ctx, TOKENS.EventStore);
      const view = resolve(ctx, NOTIFICATIONS_TOKENS.SubscriptionsView);
      return (entries) => projectOutboxEntries(store, view, entries);
    });
  });
