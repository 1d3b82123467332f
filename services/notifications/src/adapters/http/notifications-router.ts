// notifications' contribution to the HTTP app: the webhook routes and the SSE stream under /v1.
import type { ServiceRouter } from '@mediaflow/http';
import type { LiveEventHub } from '../../application/live-event-hub';
import type { LiveFeed } from '../../application/live-feed';
import { eventStreamDocumentation, mountEventStream, type EventStreamSettings } from './event-stream-route';
import { registerNotificationsProblemCodes } from './problem-codes';
import { webhookRoutes, type WebhookApi } from './webhook-routes';

interface NotificationsHttpDependencies extends WebhookApi {
  readonly hub: LiveEventHub;
  readonly feed: LiveFeed;
  readonly stream: EventStreamSettings;
}

export const notificationsRouter = (deps: NotificationsHttpDependencies): ServiceRouter => {
  registerNotificationsProblemCodes();
  return {
    service: 'notifications',
    basePath: '/v1',
    routes: webhookRoutes(deps),
    extra: (router, kit) => mountEventStream(router, kit, deps.hub, deps.feed, deps.stream),
    documentation: eventStreamDocumentation,
  };
};
