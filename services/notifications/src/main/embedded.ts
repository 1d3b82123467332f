// Embedded composition root: notifications inside the all-in-one process, its event store and its own
// SQLite file (`notifications.read.sqlite`: read model, delivery queue and log) under the data dir.
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { bindTyped, createServiceContainer, embeddedInfrastructure, type EmbeddedShared, type ServiceInstance } from '@mediaflow/runtime';
import type { Entropy } from '../application/webhook-settings';
import { openNotificationsDatabase } from '../adapters/local/notifications-database';
import { SqliteDeliveryStore } from '../adapters/local/sqlite-delivery-store';
import { SqliteRecentEventsLog } from '../adapters/local/sqlite-recent-events-log';
import { SqliteSubscriptionsView } from '../adapters/local/sqlite-subscriptions-view';
import { NodeHttpWebhookSender } from '../adapters/outbound/node-http-webhook-sender';
import type { WebhookSender } from '../ports/webhook-sender';
import { notificationsDeclaration } from '../subscriptions';
import { loadNotificationsSettings, type NotificationsSettings } from './notifications-config';
import { notificationsInstance } from './notifications-instance';
import { notificationsModule } from './notifications-module';
import { NOTIFICATIONS_TOKENS } from './notifications-tokens';

const notificationsReadModelFile = (dataDir: string): string => path.join(dataDir, 'notifications.read.sqlite');

const PRUNE_EVERY_MS = 3600_000;

interface EmbeddedNotificationsOverrides {
  /** Settings instead of the environment's (tests). */
  readonly settings?: NotificationsSettings;
  readonly adapters?: { readonly sender?: WebhookSender; readonly entropy?: Entropy };
}

export const createEmbeddedService = async (shared: EmbeddedShared, overrides: EmbeddedNotificationsOverrides = {}): Promise<ServiceInstance> => {
  const settings = overrides.settings ?? loadNotificationsSettings('embedded', shared.env);
  const infrastructure = embeddedInfrastructure({ declaration: notificationsDeclaration, settings: shared.config, bus: shared.bus });
  const db = openNotificationsDatabase(notificationsReadModelFile(shared.config.dataDir));
  const deliveries = new SqliteDeliveryStore(db);
  const recent = new SqliteRecentEventsLog(db);
  const embeddedAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, NOTIFICATIONS_TOKENS.SubscriptionsView).toConstantValue(new SqliteSubscriptionsView(db));
    bindTyped(bind, NOTIFICATIONS_TOKENS.Deliveries).toConstantValue(deliveries);
    bindTyped(bind, NOTIFICATIONS_TOKENS.RecentEvents).toConstantValue(recent);
    bindTyped(bind, NOTIFICATIONS_TOKENS.Sender).toConstantValue(overrides.adapters?.sender ?? new NodeHttpWebhookSender());
    if (overrides.adapters?.entropy) bindTyped(bind, NOTIFICATIONS_TOKENS.Entropy).toConstantValue(overrides.adapters.entropy);
  });
  // One process consumes the bus and serves the streams: the hub is fed directly.
  const container = createServiceContainer(infrastructure, notificationsModule(settings, { tailRecentEvents: false }), embeddedAdapters);
  let pruning: NodeJS.Timeout | undefined;
  const prune = (): void => {
    void deliveries.prune(new Date(Date.now() - settings.retentionDays * 86400_000));
    void recent.prune(new Date(Date.now() - settings.replaySeconds * 1000));
  };
  return notificationsInstance(container, infrastructure, {
    afterStart: () => {
      prune();
      pruning = setInterval(prune, PRUNE_EVERY_MS);
      pruning.unref();
    },
    beforeStop: () => clearInterval(pruning),
    release: () => {
      db.close();
    },
  });
};
