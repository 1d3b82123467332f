// The events of a webhook subscription's stream (`webhook-<subscriptionId>`). Internal to
// notifications: the outbox marks them published without putting them on the bus.
import type { EventTypeFilter } from './notified-events';

export type DisableReason = 'ENDPOINT_GONE' | 'SUSTAINED_FAILURE';

export type WebhookSubscriptionEvent =
  | {
      readonly type: 'WebhookSubscriptionCreated';
      readonly data: {
        readonly subscriptionId: string;
        readonly ownerId: string;
        readonly url: string;
        readonly eventTypes: EventTypeFilter;
        readonly description: string | null;
        /** Kept in the service's own store only (never on the bus, never in a listing). */
        readonly secret: string;
        readonly createdAt: string;
      };
    }
  | {
      readonly type: 'WebhookSubscriptionDisabled';
      readonly data: { readonly subscriptionId: string; readonly reason: DisableReason; readonly detail: string; readonly disabledAt: string };
    }
  | { readonly type: 'WebhookSubscriptionEnabled'; readonly data: { readonly subscriptionId: string; readonly enabledAt: string } }
  | { readonly type: 'WebhookSubscriptionDeleted'; readonly data: { readonly subscriptionId: string; readonly deletedAt: string } };

type WebhookSubscriptionEventType = WebhookSubscriptionEvent['type'];

const WEBHOOK_SUBSCRIPTION_EVENT_TYPES: readonly WebhookSubscriptionEventType[] = [
  'WebhookSubscriptionCreated',
  'WebhookSubscriptionDisabled',
  'WebhookSubscriptionEnabled',
  'WebhookSubscriptionDeleted',
];

export const isWebhookSubscriptionEvent = (event: { type: string }): event is WebhookSubscriptionEvent =>
  (WEBHOOK_SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(event.type);

export type SubscriptionStatus = 'active' | 'disabled' | 'deleted';

export interface WebhookSubscription {
  readonly subscriptionId: string;
  readonly ownerId: string;
  readonly url: string;
  readonly eventTypes: EventTypeFilter;
  readonly description: string | null;
  readonly secret: string;
  readonly status: SubscriptionStatus;
  readonly disabledReason: DisableReason | null;
  readonly disabledDetail: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type WebhookSubscriptionState = { readonly status: 'absent' } | WebhookSubscription;

export const webhookStreamId = (subscriptionId: string): string => `webhook-${subscriptionId}`;
