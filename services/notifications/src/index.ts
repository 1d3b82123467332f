// @mediaflow/notifications: webhook subscriptions and signed deliveries, and live event streams (SSE).
export * from './subscriptions';
export { NOTIFIED_EVENTS, type NotifiedEventName } from './domain/notified-events';
export { signWebhook, webhookHeaders } from './domain/webhook-signature';
export type { NotificationPayload } from './domain/notification-payload';
export { notificationsTableDefinition, createNotificationsTable, NOTIFICATIONS_TTL_ATTRIBUTE } from './adapters/aws/notifications-table';
export { NOTIFICATIONS_PROBLEM_CODES } from './adapters/http/problem-codes';
export { createEmbeddedService, notificationsReadModelFile } from './main/embedded';
export { createAwsService } from './main/aws';
