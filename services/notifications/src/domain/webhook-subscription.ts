// The webhook subscription aggregate as a pure decider: one small function per command, time, ids and
// the secret passed in. An owner only ever sees their own subscription: any other answers "not found".
import type { Decider } from '@mediaflow/service-kit';
import { ALL_EVENTS, NOTIFIED_EVENTS, isNotifiedEvent, type EventTypeFilter } from './notified-events';
import { WebhookAlreadyExists, WebhookEventTypeUnknown, WebhookNotFound } from './webhook-errors';
import type { DisableReason, WebhookSubscription, WebhookSubscriptionEvent, WebhookSubscriptionState } from './webhook-subscription-events';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url-policy';

export type WebhookSubscriptionCommand =
  | {
      readonly type: 'CreateWebhookSubscription';
      readonly subscriptionId: string;
      readonly ownerId: string;
      readonly url: string;
      /** Absent: every notified event. */
      readonly eventTypes?: readonly string[];
      readonly description?: string;
      readonly secret: string;
      readonly urlPolicy: WebhookUrlPolicy;
      readonly now: Date;
    }
  | { readonly type: 'DeleteWebhookSubscription'; readonly ownerId: string; readonly subscriptionId: string; readonly now: Date }
  | { readonly type: 'EnableWebhookSubscription'; readonly ownerId: string; readonly subscriptionId: string; readonly now: Date }
  /** Issued by the dispatcher, not a person: no owner check, and a no-op unless active. */
  | { readonly type: 'DisableWebhookSubscription'; readonly subscriptionId: string; readonly reason: DisableReason; readonly detail: string; readonly now: Date };

const checkEventTypes = (requested: readonly string[] | undefined): EventTypeFilter => {
  if (requested === undefined || requested.includes(ALL_EVENTS)) return [ALL_EVENTS];
  const unknown = requested.filter((t) => !isNotifiedEvent(t));
  if (unknown.length > 0) throw new WebhookEventTypeUnknown([...new Set(unknown)], NOTIFIED_EVENTS);
  // Kept in the canonical order so equal filters look equal in listings.
  return NOTIFIED_EVENTS.filter((name) => requested.includes(name));
};

/** The owner's live (not deleted) subscription, or WebhookNotFound. */
const ownedBy = (state: WebhookSubscriptionState, ownerId: string, subscriptionId: string): WebhookSubscription => {
  if (state.status === 'absent' || state.status === 'deleted' || state.ownerId !== ownerId) throw new WebhookNotFound(subscriptionId);
  return state;
};

const create = (c: Extract<WebhookSubscriptionCommand, { type: 'CreateWebhookSubscription' }>, state: WebhookSubscriptionState): WebhookSubscriptionEvent[] => {
  if (state.status !== 'absent') throw new WebhookAlreadyExists(c.subscriptionId);
  const url = checkWebhookUrl(c.url, c.urlPolicy);
  const eventTypes = checkEventTypes(c.eventTypes);
  const description = c.description?.trim() || null;
  const data = { subscriptionId: c.subscriptionId, ownerId: c.ownerId, url, eventTypes, description, secret: c.secret, createdAt: c.now.toISOString() };
  return [{ type: 'WebhookSubscriptionCreated', data }];
};

const decide = (command: WebhookSubscriptionCommand, state: WebhookSubscriptionState): WebhookSubscriptionEvent[] => {
  switch (command.type) {
    case 'CreateWebhookSubscription':
      return create(command, state);
    case 'DeleteWebhookSubscription':
      ownedBy(state, command.ownerId, command.subscriptionId);
      return [{ type: 'WebhookSubscriptionDeleted', data: { subscriptionId: command.subscriptionId, deletedAt: command.now.toISOString() } }];
    case 'EnableWebhookSubscription': {
      const current = ownedBy(state, command.ownerId, command.subscriptionId);
      if (current.status === 'active') return [];
      return [{ type: 'WebhookSubscriptionEnabled', data: { subscriptionId: command.subscriptionId, enabledAt: command.now.toISOString() } }];
    }
    case 'DisableWebhookSubscription': {
      if (state.status !== 'active') return [];
      const { subscriptionId, reason, detail } = command;
      return [{ type: 'WebhookSubscriptionDisabled', data: { subscriptionId, reason, detail, disabledAt: command.now.toISOString() } }];
    }
    default: {
      const unexpected: never = command;
      throw new Error(`unknown command ${(unexpected as { type: string }).type}`);
    }
  }
};

const evolve = (state: WebhookSubscriptionState, event: WebhookSubscriptionEvent): WebhookSubscriptionState => {
  if (event.type === 'WebhookSubscriptionCreated') {
    const { createdAt } = event.data;
    return { ...event.data, status: 'active', disabledReason: null, disabledDetail: null, updatedAt: createdAt };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'WebhookSubscriptionDisabled':
      return { ...state, status: 'disabled', disabledReason: event.data.reason, disabledDetail: event.data.detail, updatedAt: event.data.disabledAt };
    case 'WebhookSubscriptionEnabled':
      return { ...state, status: 'active', disabledReason: null, disabledDetail: null, updatedAt: event.data.enabledAt };
    case 'WebhookSubscriptionDeleted':
      return { ...state, status: 'deleted', updatedAt: event.data.deletedAt };
  }
};

export const webhookSubscriptionDecider: Decider<WebhookSubscriptionCommand, WebhookSubscriptionEvent, WebhookSubscriptionState> = {
  initialState: { status: 'absent' },
  decide,
  evolve,
};
