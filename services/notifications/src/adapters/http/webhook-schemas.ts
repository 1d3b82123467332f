// The webhook API's request and response shapes (zod): validation at the edge and the OpenAPI
// document come from these. Secrets appear in one response only: the 201 of a creation.
import { z } from 'zod';
// The pattern alone (no node:net, node:dns): these schemas reach the browser through @mediaflow/api-types.
import { outboundUrlPattern } from '@mediaflow/address-guard/url-pattern';
import { ALL_EVENTS, NOTIFIED_EVENTS } from '../../domain/notified-events';
import { MAX_WEBHOOK_URL_LENGTH, type WebhookUrlPolicy } from '../../domain/webhook-limits';

// What checkWebhookUrl accepts, as a pattern: https to a public DNS name or, where the operator
// allows it (embedded), http(s) to the loopback (the shared pattern of @mediaflow/address-guard).
export const webhookUrlPattern = (policy: WebhookUrlPolicy): RegExp =>
  outboundUrlPattern({ publicSchemes: 'https', allowLoopback: policy.allowHttpLoopback });

const eventTypesDescription = `Event names to deliver (${NOTIFIED_EVENTS.join(', ')}), or ["${ALL_EVENTS}"] for all of them (the default).`;

export const createWebhookBodySchema = (policy: WebhookUrlPolicy) =>
  z
    .object({
      url: z
        .string()
        .min(1)
        .max(MAX_WEBHOOK_URL_LENGTH)
        .regex(webhookUrlPattern(policy))
        .describe(
          'Absolute https URL the deliveries are POSTed to (a public DNS name; http and the loopback only where the operator allows it).',
        ),
      eventTypes: z
        .array(z.enum([ALL_EVENTS, ...NOTIFIED_EVENTS]))
        .min(1)
        .max(NOTIFIED_EVENTS.length + 1)
        .optional()
        .describe(eventTypesDescription),
      description: z.string().max(500).optional().describe('Free text for the owner.'),
    })
    .strict()
    .meta({ id: 'CreateWebhookRequest' });

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()).describe(eventTypesDescription),
    description: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    disabledReason: z
      .enum(['ENDPOINT_GONE', 'SUSTAINED_FAILURE'])
      .nullable()
      .describe('Why deliveries stopped; enable the webhook to resume.'),
    disabledDetail: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().describe('Signing secret (whsec_ + base64). Shown only in this response: store it now.'),
}).meta({ id: 'CreatedWebhook' });

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).meta({ id: 'WebhookList' });

export const DeliveryAttemptSchema = z
  .object({
    eventId: z.string().describe('Also the webhook-id header: deduplicate on it.'),
    eventType: z.string(),
    attempt: z.number().int(),
    attemptedAt: z.string(),
    outcome: z.enum(['delivered', 'retrying', 'failed', 'gone', 'cancelled']),
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    error: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });

export const WebhookDetailSchema = WebhookSchema.extend({
  recentDeliveries: z.array(DeliveryAttemptSchema).describe('The latest delivery attempts, newest first.'),
}).meta({ id: 'WebhookDetail' });

export const DeliveryAttemptListSchema = z
  .object({ items: z.array(DeliveryAttemptSchema) })
  .meta({ id: 'WebhookDeliveryAttemptList' });

export const WebhookParamsSchema = z.object({ webhookId: z.string().min(1).max(128) });

export const DeliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
