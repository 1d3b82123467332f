// The webhook subscription decider, given past events, when a command, then new events or a refusal.
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { webhookSubscriptionDecider, type WebhookSubscriptionCommand } from '../../src/domain/webhook-subscription';
import type { WebhookSubscriptionEvent } from '../../src/domain/webhook-subscription-events';
import { WebhookAlreadyExists, WebhookEventTypeUnknown, WebhookNotFound, WebhookUrlForbidden, WebhookUrlNotHttps } from '../../src/domain/webhook-errors';
import { foldEvents } from '@mediaflow/service-kit';
import { notificationsDeclaration } from '../../src/subscriptions';

const given = DeciderSpecification.for(webhookSubscriptionDecider);
const now = new Date('2026-11-25T12:00:00.000Z');
const later = new Date('2026-11-25T13:00:00.000Z');
const id = 'wh_01HZZZZZZZZZZZZZZZZZZZZZZZ';
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const create = (overrides: Partial<Extract<WebhookSubscriptionCommand, { type: 'CreateWebhookSubscription' }>> = {}): WebhookSubscriptionCommand => ({
  type: 'CreateWebhookSubscription',
  subscriptionId: id,
  ownerId: 'owner-a',
  url: 'https://hooks.example.com/mediaflow',
  secret,
  urlPolicy: { allowHttpLoopback: false },
  now,
  ...overrides,
});

const created: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionCreated',
  data: { subscriptionId: id, ownerId: 'owner-a', url: 'https://hooks.example.com/mediaflow', eventTypes: ['*'], description: null, secret, createdAt: now.toISOString() },
};
const disabled: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionDisabled',
  data: { subscriptionId: id, reason: 'ENDPOINT_GONE', detail: 'the endpoint answered 410 Gone', disabledAt: now.toISOString() },
};
const deleted: WebhookSubscriptionEvent = { type: 'WebhookSubscriptionDeleted', data: { subscriptionId: id, deletedAt: later.toISOString() } };

describe('webhook subscription decider', () => {
  describe('create', () => {
    it('creates a subscription to every event when no filter is given', () => {
      given([]).when(create()).then([created]);
    });

    it('keeps the named event types in canonical order, without duplicates', () => {
      const [event] = webhookSubscriptionDecider.decide(create({ eventTypes: ['JobFailed', 'JobCompleted', 'JobFailed'], description: '  ops  ' }), { status: 'absent' });
      expect(event?.data).toMatchObject({ eventTypes: ['JobCompleted', 'JobFailed'], description: 'ops' });
    });

    it('treats "*" anywhere in the filter as every event', () => {
      const [event] = webhookSubscriptionDecider.decide(create({ eventTypes: ['JobFailed', '*'] }), { status: 'absent' });
      expect(event?.data).toMatchObject({ eventTypes: ['*'] });
    });

    it('refuses an event type notifications does not forward', () => {
      given([]).when(create({ eventTypes: ['JobCompleted', 'UploadCompleted', 'Nope'] })).thenThrows(WebhookEventTypeUnknown, { code: 'WEBHOOK_EVENT_TYPE_UNKNOWN' });
    });

    it('refuses the request events jobs sends processing: they are not facts, and are not forwarded', () => {
      for (const eventTypes of [['ProbeRequested'], ['JobCompleted', 'TranscodeRequested']])
        given([]).when(create({ eventTypes })).thenThrows(WebhookEventTypeUnknown, { code: 'WEBHOOK_EVENT_TYPE_UNKNOWN' });
      const subscribed = notificationsDeclaration.subscriptions.map((s) => s.event);
      expect(subscribed).toEqual(expect.arrayContaining(['JobCreated', 'JobValidated', 'JobCompleted']));
      expect(subscribed).not.toEqual(expect.arrayContaining(['ProbeRequested']));
      expect(subscribed).not.toEqual(expect.arrayContaining(['TranscodeRequested']));
    });

    it('refuses plain http to a public host', () => {
      given([]).when(create({ url: 'http://hooks.example.com/x' })).thenThrows(WebhookUrlNotHttps, { code: 'WEBHOOK_URL_NOT_HTTPS' });
    });

    it('refuses the loopback unless the policy allows it, and then allows http', () => {
      given([]).when(create({ url: 'http://127.0.0.1:9000/x' })).thenThrows(WebhookUrlForbidden, { code: 'WEBHOOK_URL_FORBIDDEN' });
      const [event] = webhookSubscriptionDecider.decide(create({ url: 'http://127.0.0.1:9000/x', urlPolicy: { allowHttpLoopback: true } }), { status: 'absent' });
      expect(event?.data).toMatchObject({ url: 'http://127.0.0.1:9000/x' });
    });

    it('refuses an id that already has a stream', () => {
      given([created]).when(create()).thenThrows(WebhookAlreadyExists, { code: 'WEBHOOK_ALREADY_EXISTS' });
    });
  });

  describe('delete', () => {
    const del = (ownerId = 'owner-a'): WebhookSubscriptionCommand => ({ type: 'DeleteWebhookSubscription', ownerId, subscriptionId: id, now: later });

    it('deletes the owner’s subscription, active or disabled', () => {
      given([created]).when(del()).then([deleted]);
      given([created, disabled]).when(del()).then([deleted]);
    });

    it('answers not found to another owner, for an unknown id and after a delete', () => {
      given([created]).when(del('owner-b')).thenThrows(WebhookNotFound, { code: 'WEBHOOK_NOT_FOUND' });
      given([]).when(del()).thenThrows(WebhookNotFound);
      given([created, deleted]).when(del()).thenThrows(WebhookNotFound);
    });
  });

  describe('disable and enable', () => {
    const disable: WebhookSubscriptionCommand = { type: 'DisableWebhookSubscription', subscriptionId: id, reason: 'ENDPOINT_GONE', detail: 'the endpoint answered 410 Gone', now };
    const enable = (ownerId = 'owner-a'): WebhookSubscriptionCommand => ({ type: 'EnableWebhookSubscription', ownerId, subscriptionId: id, now: later });

    it('disables an active subscription with its reason', () => {
      given([created]).when(disable).then([disabled]);
    });

    it('does nothing when disabling one that is not active (already disabled, deleted or unknown)', () => {
      given([created, disabled]).when(disable).then([]);
      given([created, deleted]).when(disable).then([]);
      given([]).when(disable).then([]);
    });

    it('enables a disabled subscription, and leaves an active one as it is', () => {
      given([created, disabled]).when(enable()).then([{ type: 'WebhookSubscriptionEnabled', data: { subscriptionId: id, enabledAt: later.toISOString() } }]);
      given([created]).when(enable()).then([]);
    });

    it('answers not found when another owner enables it, or it was deleted', () => {
      given([created, disabled]).when(enable('owner-b')).thenThrows(WebhookNotFound);
      given([created, deleted]).when(enable()).thenThrows(WebhookNotFound);
    });
  });

  it('folds into the current state with its reason and times', () => {
    const state = foldEvents(webhookSubscriptionDecider, [created, disabled]);
    expect(state).toMatchObject({ status: 'disabled', disabledReason: 'ENDPOINT_GONE', secret, updatedAt: now.toISOString() });
  });
});
