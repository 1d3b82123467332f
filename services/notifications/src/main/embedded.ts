// Embedded composition root: notifications inside the all-in-one process, its event store and its own
// SQLite file (`notifications.read.sqlite`: read model, delivery queue and log) under the data dir.
import path from 'node:path';
import { createEmbeddedContainer, type EmbeddedShared, type ServiceInstance } from '@mediaflow/runtime';
import { openNotificationsDatabase } from '../adapters/local/notifications-database';
import { SqliteDeliveryStore } from '../adapters/local/sqlite-delivery-store';
import { SqliteRecentEventsLog } from '../adapters/local/sqlite-recent-events-log';
import { SqliteSubscriptionsView } from '../adapters/local/sqlite-subscriptions-view';
import { NodeHttpWebhookSender } from '../adapters/outbound/node-http-webhook-sender';
import { notificationsDeclaration } from '../subscriptions';
import { composeNotifications, type NotificationsAdapters } from './compose-notifications';
import { loadNotificationsSettings, type NotificationsSettings } from './notifications-config';

export const notificationsReadModelFile = (dataDir: string): string => path.join(dataDir, 'notifications.read.sqlite');

const PRUNE_EVERY_MS = 3600_000;

export interface EmbeddedNotificationsOverrides {
  /** Settings instead of the environment's (tests). */
  readonly settings?: NotificationsSettings;
  readonly adapters?: Partial<NotificationsAdapters>;
}

export const createEmbeddedService = async (shared: EmbeddedShared, overrides: EmbeddedNotificationsOverrides = {}): Promise<ServiceInstance> => {
  const settings = overrides.settings ?? loadNotificationsSettings('embedded', shared.env);
  const container = createEmbeddedContainer({ declaration: notificationsDeclaration, config: shared.config, bus: shared.bus });
  const db = openNotificationsDatabase(notificationsReadModelFile(shared.config.MEDIAFLOW_DATA_DIR));
  const deliveries = new SqliteDeliveryStore(db);
  const recent = new SqliteRecentEventsLog(db);
  const adapters: NotificationsAdapters = {
    view: new SqliteSubscriptionsView(db),
    deliveries,
    recent,
    sender: new NodeHttpWebhookSender(),
    // One process consumes the bus and serves the streams: the hub is fed directly.
    tailRecentEvents: false,
    ...overrides.adapters,
  };
  const parts = composeNotifications(container, adapters, settings);
  let pruning: NodeJS.Timeout | undefined;
  const prune = (): void => {
    void deliveries.prune(new Date(Date.now() - settings.retentionDays * 86400_000));
    void recent.prune(new Date(Date.now() - settings.replaySeconds * 1000));
  };
  return {
    service: 'notifications',
    routers: [parts.router],
    async start() {
      await parts.start();
      prune();
      pruning = setInterval(prune, PRUNE_EVERY_MS);
      pruning.unref();
    },
    async stop() {
      clearInterval(pruning);
      await parts.stop();
      db.close();
    },
  };
};
