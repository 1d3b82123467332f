// notifications' own container identifiers, beside @mediaflow/runtime's TOKENS.
import { identifier } from '@mediaflow/runtime';
import type { Entropy } from '../application/webhook-settings';
import type { DeliveryStore } from '../ports/delivery-store';
import type { RecentEventsLog } from '../ports/recent-events-log';
import type { SubscriptionsView } from '../ports/subscriptions-view';
import type { WebhookSender } from '../ports/webhook-sender';
import type { NotificationsParts } from './notifications-module';

export const NOTIFICATIONS_TOKENS = {
  SubscriptionsView: identifier<SubscriptionsView>('notifications.SubscriptionsView'),
  Deliveries: identifier<DeliveryStore>('notifications.Deliveries'),
  RecentEvents: identifier<RecentEventsLog>('notifications.RecentEvents'),
  Sender: identifier<WebhookSender>('notifications.Sender'),
  Entropy: identifier<Entropy>('notifications.Entropy'),
  Parts: identifier<NotificationsParts>('notifications.Parts'),
} as const;
