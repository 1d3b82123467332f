// One attempt of one claimed delivery: load the subscription from its stream (the source of truth,
// so a delete or disable stops deliveries at once), sign, send, then settle the attempt and decide
// whether the endpoint's record now calls for disabling the subscription.
import type { EventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import type { Clock } from '@mediaflow/service-kit';
import { isSustainedFailure, type EndpointHealth } from '../domain/endpoint-health';
import { webhookIdOf } from '../domain/notification-payload';
import { planNextAttempt, type AttemptVerdict } from '../domain/retry-policy';
import { webhookHeaders } from '../domain/webhook-signature';
import type { WebhookSubscription } from '../domain/webhook-subscription-events';
import type { AttemptLogEntry, ClaimedDelivery, DeliveryStore } from '../ports/delivery-store';
import type { SendResult, WebhookSender } from '../ports/webhook-sender';
import { loadSubscription } from './subscription-projection';
import type { WebhookCommands } from './webhook-commands';
import type { Entropy, WebhookSettings } from './webhook-settings';

interface DeliveryDependencies {
  readonly store: EventStore;
  readonly deliveries: DeliveryStore;
  readonly sender: WebhookSender;
  readonly commands: WebhookCommands;
  readonly clock: Clock;
  readonly entropy: Entropy;
  readonly settings: WebhookSettings;
  readonly logger: Logger;
}

export type DeliveryRun = 'settled' | 'released' | 'claim-lost';

const MAX_ERROR_LENGTH = 500;

const errorOf = (result: SendResult): string | null => {
  if (result.kind === 'error') return `${result.code}: ${result.message}`.slice(0, MAX_ERROR_LENGTH);
  if (result.status >= 200 && result.status < 300) return null;
  return `HTTP ${result.status}${result.responseSnippet ? `: ${result.responseSnippet}` : ''}`.slice(0, MAX_ERROR_LENGTH);
};

const outcomeOf = (verdict: AttemptVerdict): AttemptLogEntry['outcome'] => (verdict.outcome === 'retry' ? 'retrying' : verdict.outcome);

export const deliverWebhook = async (deps: DeliveryDependencies, claimed: ClaimedDelivery, signal?: AbortSignal): Promise<DeliveryRun> => {
  const log = deps.logger.createChild({ persistentKeys: { subscriptionId: claimed.subscriptionId, eventId: claimed.eventId } });
  const { state } = await loadSubscription(deps.store, claimed.subscriptionId);
  const base = { subscriptionId: claimed.subscriptionId, eventId: claimed.eventId, eventType: claimed.eventType, responseStatus: null, durationMs: null, nextAttemptAt: null };
  if (state.status !== 'active') {
    const error = state.status === 'disabled' ? `SUBSCRIPTION_DISABLED: ${state.disabledReason ?? ''}` : 'SUBSCRIPTION_DELETED';
    const settled = await deps.deliveries.recordAttempt(claimed, { ...base, attempt: claimed.attempts, attemptedAt: deps.clock.now(), outcome: 'cancelled', error });
    log.info('webhook delivery cancelled', { reason: error });
    return settled ? 'settled' : 'claim-lost';
  }
  const attemptedAt = deps.clock.now();
  const headers = webhookHeaders(state.secret, webhookIdOf(claimed.eventId), attemptedAt, claimed.body);
  const { timeoutMs, urlPolicy } = deps.settings;
  const result = await deps.sender.send({ url: state.url, headers, body: claimed.body, timeoutMs, allowLoopback: urlPolicy.allowHttpLoopback, signal });
  if (signal?.aborted) {
    // Shutdown cut the attempt short: it does not count, the delivery is due again at once.
    await deps.deliveries.release(claimed, deps.clock.now());
    return 'released';
  }
  const attempt = claimed.attempts + 1;
  const verdict = planNextAttempt(result, attempt, deps.clock.now(), deps.settings.retry, deps.entropy.fraction());
  const entry: AttemptLogEntry = {
    ...base,
    attempt,
    attemptedAt,
    outcome: outcomeOf(verdict),
    responseStatus: result.kind === 'response' ? result.status : null,
    durationMs: result.durationMs,
    error: errorOf(result),
    nextAttemptAt: verdict.outcome === 'retry' ? verdict.nextAttemptAt : null,
  };
  const health = await deps.deliveries.recordAttempt(claimed, entry);
  if (!health) {
    log.warn('webhook attempt not recorded: another dispatcher took the delivery over', { attempt });
    return 'claim-lost';
  }
  log.info('webhook attempt', { attempt, outcome: entry.outcome, status: entry.responseStatus, ms: entry.durationMs, error: entry.error ?? undefined });
  await disableIfNeeded(deps, state, verdict, health, claimed, log);
  return 'settled';
};

const disableIfNeeded = async (
  deps: DeliveryDependencies,
  subscription: WebhookSubscription,
  verdict: AttemptVerdict,
  health: EndpointHealth,
  claimed: ClaimedDelivery,
  log: Logger,
): Promise<void> => {
  const context = { ownerId: subscription.ownerId, correlationId: claimed.eventId, causationId: claimed.eventId };
  if (verdict.outcome === 'gone') {
    await deps.commands.disable(claimed.subscriptionId, 'ENDPOINT_GONE', 'the endpoint answered 410 Gone', context);
    log.warn('webhook subscription disabled: the endpoint answered 410 Gone');
  } else if (isSustainedFailure(health, deps.clock.now(), deps.settings.disable)) {
    const since = health.failingSince?.toISOString() ?? '';
    await deps.commands.disable(claimed.subscriptionId, 'SUSTAINED_FAILURE', `${health.consecutiveFailures} consecutive failed attempts since ${since}`, context);
    log.warn('webhook subscription disabled after sustained failure', { consecutiveFailures: health.consecutiveFailures, failingSince: since });
  }
};
