// @mediaflow/notifications/http-schemas: the zod schemas of the webhooks API's answers (what /openapi.json says).
export {
  CreatedWebhookSchema,
  DeliveryAttemptSchema,
  WebhookDetailSchema,
  WebhookListSchema,
  WebhookSchema,
} from './adapters/http/webhook-schemas';
