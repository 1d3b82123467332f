// Keeps the subscriptions read model in step with the subscription streams. Called right after each
// command (the API reads its own writes) and again from the outbox relay for every appended event
// (a crash between append and projection heals itself); both are idempotent through the version.
import type { EventStore, OutboxEntry } from '@mediaflow/event-store';
import { foldEvents } from '@mediaflow/service-kit';
import { webhookSubscriptionDecider } from '../domain/webhook-subscription';
import { isWebhookSubscriptionEvent, webhookStreamId, type WebhookSubscription, type WebhookSubscriptionEvent, type WebhookSubscriptionState } from '../domain/webhook-subscription-events';
import type { SubscriptionsView, WebhookSubscriptionView } from '../ports/subscriptions-view';

export const toView = (s: WebhookSubscription): WebhookSubscriptionView => ({
  subscriptionId: s.subscriptionId,
  ownerId: s.ownerId,
  url: s.url,
  eventTypes: s.eventTypes,
  description: s.description,
  status: s.status,
  disabledReason: s.disabledReason,
  disabledDetail: s.disabledDetail,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** The subscription's current state and stream version, from its stream. */
export const loadSubscription = async (store: EventStore, subscriptionId: string): Promise<{ state: WebhookSubscriptionState; version: number }> => {
  const stored = await store.read(webhookStreamId(subscriptionId));
  const events = stored.map((e) => ({ type: e.type, data: e.data }) as WebhookSubscriptionEvent);
  return { state: foldEvents(webhookSubscriptionDecider, events), version: stored.length };
};

export const saveProjection = async (view: SubscriptionsView, state: WebhookSubscriptionState, version: number): Promise<void> => {
  if (state.status !== 'absent') await view.save(toView(state), version);
};

/** For the outbox relay: re-projects every subscription stream the entries touched. */
export const projectOutboxEntries = async (store: EventStore, view: SubscriptionsView, entries: readonly OutboxEntry[]): Promise<void> => {
  const ids = new Set(entries.filter(isWebhookSubscriptionEvent).map((e) => (e.data as { subscriptionId: string }).subscriptionId));
  for (const id of ids) {
    const { state, version } = await loadSubscription(store, id);
    await saveProjection(view, state, version);
  }
};
