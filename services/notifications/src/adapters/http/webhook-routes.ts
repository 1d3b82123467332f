// The webhook management API under /v1: subscribe, list, read (with recent deliveries), read the
// delivery log, delete and re-enable. Every route is the owner's; another owner's id answers 404.
import { reply, route, type RouteDeclaration } from '@mediaflow/http';
import type { WebhookCommands } from '../../application/webhook-commands';
import type { WebhookQueries } from '../../application/webhook-queries';
import type { AttemptLogEntry } from '../../ports/delivery-store';
import type { WebhookSubscriptionView } from '../../ports/subscriptions-view';
import {
  CreatedWebhookSchema,
  createWebhookBodySchema,
  DeliveriesQuerySchema,
  DeliveryAttemptListSchema,
  WebhookDetailSchema,
  WebhookListSchema,
  WebhookParamsSchema,
  WebhookSchema,
} from './webhook-schemas';
import { webhookRefusal } from './webhook-refusal';

export interface WebhookApi {
  readonly commands: WebhookCommands;
  readonly queries: WebhookQueries;
}

/** Attempts shown on GET /v1/webhooks/{id}. */
const RECENT_DELIVERIES = 20;

const toWebhook = (v: Omit<WebhookSubscriptionView, 'status'> & { status: string }) => ({
  id: v.subscriptionId,
  url: v.url,
  eventTypes: [...v.eventTypes],
  description: v.description,
  status: v.status === 'active' ? ('active' as const) : ('disabled' as const),
  disabledReason: v.disabledReason,
  disabledDetail: v.disabledDetail,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});

const toAttempt = (a: AttemptLogEntry) => ({
  eventId: a.eventId,
  eventType: a.eventType,
  attempt: a.attempt,
  attemptedAt: a.attemptedAt.toISOString(),
  outcome: a.outcome,
  responseStatus: a.responseStatus,
  durationMs: a.durationMs,
  error: a.error,
  nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
});

const URL_PROBLEMS = ['WEBHOOK_URL_INVALID', 'WEBHOOK_URL_NOT_HTTPS', 'WEBHOOK_URL_FORBIDDEN', 'WEBHOOK_EVENT_TYPE_UNKNOWN', 'WEBHOOK_LIMIT_REACHED', 'WEBHOOK_ALREADY_EXISTS'];

export const webhookRoutes = ({ commands, queries }: WebhookApi): RouteDeclaration[] => [
  route({
    method: 'post',
    path: '/webhooks',
    summary: 'Subscribe a webhook endpoint',
    description: 'Deliveries are signed per Standard Webhooks with the returned secret, which is shown only here.',
    auth: 'owner',
    request: { body: createWebhookBodySchema(commands.urlPolicy) },
    refusal: webhookRefusal(commands.urlPolicy),
    responses: { 201: CreatedWebhookSchema },
    problems: URL_PROBLEMS,
    handler: async ({ body, principal, correlationId }) => {
      const created = await commands.create({ ownerId: principal.ownerId, correlationId }, body);
      return reply(201, { ...toWebhook(created), secret: created.secret }, { location: `/v1/webhooks/${created.subscriptionId}` });
    },
  }),
  route({
    method: 'get',
    path: '/webhooks',
    summary: "List the caller's webhooks",
    auth: 'owner',
    responses: { 200: WebhookListSchema },
    handler: async ({ principal }) => ({ items: (await queries.list(principal.ownerId)).map(toWebhook) }),
  }),
  route({
    method: 'get',
    path: '/webhooks/:webhookId',
    summary: 'A webhook and its latest delivery attempts',
    auth: 'owner',
    request: { params: WebhookParamsSchema },
    responses: { 200: WebhookDetailSchema },
    problems: ['WEBHOOK_NOT_FOUND'],
    handler: async ({ params, principal }) => {
      const { subscription, recentAttempts } = await queries.detail(principal.ownerId, params.webhookId, RECENT_DELIVERIES);
      return { ...toWebhook(subscription), recentDeliveries: recentAttempts.map(toAttempt) };
    },
  }),
  route({
    method: 'get',
    path: '/webhooks/:webhookId/deliveries',
    summary: "A webhook's delivery log, newest first",
    auth: 'owner',
    request: { params: WebhookParamsSchema, query: DeliveriesQuerySchema },
    responses: { 200: DeliveryAttemptListSchema },
    problems: ['WEBHOOK_NOT_FOUND'],
    handler: async ({ params, query, principal }) => {
      const { recentAttempts } = await queries.detail(principal.ownerId, params.webhookId, query.limit);
      return { items: recentAttempts.map(toAttempt) };
    },
  }),
  route({
    method: 'delete',
    path: '/webhooks/:webhookId',
    summary: 'Delete a webhook; pending deliveries are cancelled',
    auth: 'owner',
    request: { params: WebhookParamsSchema },
    responses: { 204: null },
    problems: ['WEBHOOK_NOT_FOUND'],
    handler: async ({ params, principal, correlationId }) => {
      await commands.delete({ ownerId: principal.ownerId, correlationId }, params.webhookId);
      return reply(204);
    },
  }),
  route({
    method: 'post',
    path: '/webhooks/:webhookId/enable',
    summary: 'Enable a disabled webhook again (with a fresh failure count)',
    auth: 'owner',
    request: { params: WebhookParamsSchema },
    responses: { 200: WebhookSchema },
    problems: ['WEBHOOK_NOT_FOUND'],
    handler: async ({ params, principal, correlationId }) =>
      toWebhook(await commands.enable({ ownerId: principal.ownerId, correlationId }, params.webhookId)),
  }),
];
