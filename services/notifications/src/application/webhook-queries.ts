// What the API reads: the owner's subscriptions from the read model (never secrets) and a
// subscription's recent delivery attempts from the delivery log.
import { WebhookNotFound } from '../domain/webhook-errors';
import type { AttemptLogEntry, DeliveryStore } from '../ports/delivery-store';
import type { SubscriptionsView, WebhookSubscriptionView } from '../ports/subscriptions-view';

export interface WebhookDetail {
  readonly subscription: WebhookSubscriptionView;
  readonly recentAttempts: readonly AttemptLogEntry[];
}

export class WebhookQueries {
  constructor(
    private readonly view: SubscriptionsView,
    private readonly deliveries: DeliveryStore,
  ) {}

  list(ownerId: string): Promise<WebhookSubscriptionView[]> {
    return this.view.listByOwner(ownerId);
  }

  async get(ownerId: string, subscriptionId: string): Promise<WebhookSubscriptionView> {
    const subscription = await this.view.get(ownerId, subscriptionId);
    if (!subscription) throw new WebhookNotFound(subscriptionId);
    return subscription;
  }

  async detail(ownerId: string, subscriptionId: string, attempts: number): Promise<WebhookDetail> {
    const subscription = await this.get(ownerId, subscriptionId);
    return { subscription, recentAttempts: await this.deliveries.recentAttempts(subscriptionId, attempts) };
  }
}
