// The subscription commands: create (with a generated id and secret, returned once), delete, enable,
// and the dispatcher's disable. Each runs the decider through executeCommand, then updates the read
// model so the owner's next request sees it.
import type { WebhookUrlPolicy } from '../domain/webhook-url-policy';
import type { EventStore } from '@mediaflow/event-store';
import { executeCommand, type Clock, type EventContext, type IdGenerator } from '@mediaflow/service-kit';
import { WebhookLimitReached } from '../domain/webhook-errors';
import { formatSecret, formatSubscriptionId, SECRET_BYTES } from '../domain/webhook-secret';
import { webhookSubscriptionDecider, type WebhookSubscriptionCommand } from '../domain/webhook-subscription';
import { webhookStreamId, type DisableReason, type WebhookSubscription } from '../domain/webhook-subscription-events';
import type { DeliveryStore } from '../ports/delivery-store';
import type { SubscriptionsView } from '../ports/subscriptions-view';
import { saveProjection } from './subscription-projection';
import type { Entropy, WebhookSettings } from './webhook-settings';

interface WebhookCommandDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly view: SubscriptionsView;
  readonly deliveries: DeliveryStore;
  readonly entropy: Entropy;
  readonly settings: WebhookSettings;
}

interface CreateWebhookInput {
  readonly url: string;
  readonly eventTypes?: readonly string[];
  readonly description?: string;
}

/** Who asked: the owner and the request's correlation id. */
interface Caller {
  readonly ownerId: string;
  readonly correlationId: string;
}

const contextOf = (caller: Caller): EventContext => ({ ownerId: caller.ownerId, correlationId: caller.correlationId, causationId: null });

export class WebhookCommands {
  constructor(private readonly deps: WebhookCommandDependencies) {}

  /** What a webhook URL may be here (the HTTP schema states it). */
  get urlPolicy(): WebhookUrlPolicy {
    return this.deps.settings.urlPolicy;
  }

  /** The new subscription, secret included: the only time the secret is shown. */
  async create(caller: Caller, input: CreateWebhookInput): Promise<WebhookSubscription> {
    const existing = await this.deps.view.listByOwner(caller.ownerId);
    if (existing.length >= this.deps.settings.maxSubscriptionsPerOwner) throw new WebhookLimitReached(this.deps.settings.maxSubscriptionsPerOwner);
    const subscriptionId = formatSubscriptionId(this.deps.entropy.bytes(17));
    const command: WebhookSubscriptionCommand = {
      type: 'CreateWebhookSubscription',
      subscriptionId,
      ownerId: caller.ownerId,
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description,
      secret: formatSecret(this.deps.entropy.bytes(SECRET_BYTES)),
      urlPolicy: this.deps.settings.urlPolicy,
      now: this.deps.clock.now(),
    };
    const { state } = await this.run(subscriptionId, command, contextOf(caller));
    if (!state) throw new Error(`creating ${subscriptionId} left no state`);
    return state;
  }

  async delete(caller: Caller, subscriptionId: string): Promise<void> {
    await this.run(subscriptionId, { type: 'DeleteWebhookSubscription', ownerId: caller.ownerId, subscriptionId, now: this.deps.clock.now() }, contextOf(caller));
  }

  /** Enables a disabled subscription with a fresh failure streak; an active one is left as is. */
  async enable(caller: Caller, subscriptionId: string): Promise<WebhookSubscription> {
    const command = { type: 'EnableWebhookSubscription', ownerId: caller.ownerId, subscriptionId, now: this.deps.clock.now() } as const;
    const { state, changed } = await this.run(subscriptionId, command, contextOf(caller));
    // Only a real re-enable starts a new streak: enabling an active one must not postpone disabling it.
    if (changed) await this.deps.deliveries.resetHealth(subscriptionId);
    if (!state) throw new Error(`enabling ${subscriptionId} left no state`);
    return state;
  }

  /** The dispatcher's verdict; a no-op unless the subscription is active. */
  async disable(subscriptionId: string, reason: DisableReason, detail: string, context: EventContext): Promise<void> {
    await this.run(subscriptionId, { type: 'DisableWebhookSubscription', subscriptionId, reason, detail, now: this.deps.clock.now() }, context);
  }

  private async run(subscriptionId: string, command: WebhookSubscriptionCommand, context: EventContext): Promise<{ state?: WebhookSubscription; changed: boolean }> {
    const outcome = await executeCommand(this.deps, webhookSubscriptionDecider, webhookStreamId(subscriptionId), command, { context });
    if (outcome.status !== 'applied' || outcome.state.status === 'absent') return { changed: false };
    await saveProjection(this.deps.view, outcome.state, outcome.version);
    return { state: outcome.state, changed: outcome.events.length > 0 };
  }
}
