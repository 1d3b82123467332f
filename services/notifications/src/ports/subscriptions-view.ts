// The read model of webhook subscriptions: what the API lists and what the event fan-out reads to
// find an owner's active subscriptions. A projection of the subscription streams, never the secret.
import type { EventTypeFilter } from '../domain/notified-events';
import type { DisableReason, SubscriptionStatus } from '../domain/webhook-subscription-events';

export interface WebhookSubscriptionView {
  readonly subscriptionId: string;
  readonly ownerId: string;
  readonly url: string;
  readonly eventTypes: EventTypeFilter;
  readonly description: string | null;
  readonly status: SubscriptionStatus;
  readonly disabledReason: DisableReason | null;
  readonly disabledDetail: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SubscriptionsView {
  /**
   * Stores the subscription as of stream `version`, unless the same or a newer version is stored:
   * projections may arrive twice and out of order. Deleted ones are kept as tombstones for that reason.
   */
  save(view: WebhookSubscriptionView, version: number): Promise<void>;
  /** The owner's subscriptions that are not deleted, oldest first. */
  listByOwner(ownerId: string): Promise<WebhookSubscriptionView[]>;
  /** The owner's subscription unless deleted; another owner's id answers undefined. */
  get(ownerId: string, subscriptionId: string): Promise<WebhookSubscriptionView | undefined>;
}
