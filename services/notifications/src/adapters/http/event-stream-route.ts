// GET /v1/events: the owner's job events as Server-Sent Events. `id:` is the event id, `event:` its
// name, `data:` the same JSON a webhook carries. Last-Event-ID (header, or ?lastEventId=) replays what
// the owner's recent-events buffer still holds; a client that cannot keep up is dropped rather than
// buffered without bound, and reconnects with Last-Event-ID. The stream ends at token expiry.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { HttpProblem, openEventStream, parseRequest, principalOf, requestLog, type RawRouteKit } from '@mediaflow/http';
import type { LiveEventHub } from '../../application/live-event-hub';
import type { LiveFeed } from '../../application/live-feed';
import type { NotifiedEvent } from '../../domain/notification-payload';

export interface EventStreamSettings {
  readonly heartbeatMs: number;
  readonly maxStreamsPerOwner: number;
  /** Bytes a stream may have waiting in its socket buffer before the client counts as too slow. */
  readonly maxBufferedBytes: number;
  /** Reconnection delay suggested to EventSource. */
  readonly retryMs: number;
}

const EventStreamQuerySchema = z.object({
  lastEventId: z.string().min(1).max(128).optional().describe('Resume after this event id (the Last-Event-ID header wins).'),
  jobId: z.string().min(1).max(128).optional().describe("Only this job's events."),
  access_token: z.string().optional().describe('The bearer token, for EventSource, which cannot send headers.'),
});

// setTimeout takes at most 2^31-1 ms; a longer-lived token is re-checked after that anyway.
const MAX_TIMER_MS = 2_147_483_647;

const openOwnerStream = (hub: LiveEventHub, feed: LiveFeed, settings: EventStreamSettings) => async (req: Request, res: Response) => {
  const principal = principalOf(res);
  const query = parseRequest({ query: EventStreamQuerySchema }, req).query as z.infer<typeof EventStreamQuerySchema>;
  if (hub.openStreams(principal.ownerId) >= settings.maxStreamsPerOwner) {
    throw new HttpProblem({ code: 'EVENT_STREAM_LIMIT_REACHED', detail: `at most ${settings.maxStreamsPerOwner} open event streams per owner`, headers: { 'retry-after': '5' } });
  }
  const log = requestLog(res);
  const lastEventId = req.get('last-event-id') || query.lastEventId;
  await feed.prepare(principal.ownerId, lastEventId);
  // The client may have left while the buffer was seeded: nothing to open then.
  if (res.closed || res.destroyed) return;
  const stream = openEventStream(req, res, { heartbeatMs: settings.heartbeatMs, retryMs: settings.retryMs });
  const send = (event: NotifiedEvent): void => {
    if (query.jobId !== undefined && event.payload.data.jobId !== query.jobId) return;
    stream.send({ id: event.eventId, event: event.payload.type, data: event.payload });
    if (res.writableLength > settings.maxBufferedBytes) {
      log.warn('event stream dropped: the client reads too slowly', { buffered: res.writableLength });
      stream.close();
      // end() would queue behind what is already buffered; destroying frees it now.
      res.destroy();
    }
  };
  const subscription = hub.subscribe(principal.ownerId, lastEventId, { deliver: send, end: () => stream.close() });
  const unfollow = feed.follow(principal.ownerId);
  const expiry = setTimeout(() => stream.close(), Math.min(Math.max(0, principal.expiresAt.getTime() - Date.now()), MAX_TIMER_MS));
  stream.signal.addEventListener('abort', () => {
    subscription.unsubscribe();
    unfollow();
    clearTimeout(expiry);
  });
  if (!subscription.replay.complete) {
    // No id: the client's Last-Event-ID stays the one it had. It should refetch state (GET /v1/jobs).
    stream.send({ event: 'replay-incomplete', data: { lastEventId, detail: 'events after lastEventId may be missing; refetch the jobs you follow' } });
  }
  for (const event of subscription.replay.events) send(event);
};

export const mountEventStream = (router: Router, kit: RawRouteKit, hub: LiveEventHub, feed: LiveFeed, settings: EventStreamSettings): void => {
  router.get('/events', kit.authenticate({ allowQueryToken: true }), openOwnerStream(hub, feed, settings));
};

export const eventStreamDocumentation = {
  '/v1/events': {
    get: {
      summary: "The caller's job events as Server-Sent Events",
      description:
        'id: event id, event: event name, data: {type, timestamp, version, data}. Heartbeat comments keep it open. ' +
        'Reconnect with Last-Event-ID to replay missed events from a bounded buffer; an `replay-incomplete` event says some may be lost. ' +
        'The token may come as ?access_token= for EventSource (it then appears in URLs: prefer short-lived tokens).',
      tags: ['notifications'],
      operationId: 'notificationsGetEvents',
      // The scheme createHttpApp's document declares for every authenticated route.
      security: [{ bearerAuth: [] }],
      requestParams: { query: EventStreamQuerySchema },
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' as const } } } },
        401: { description: 'Missing, invalid or expired token (problem+json)' },
        429: { description: 'EVENT_STREAM_LIMIT_REACHED (problem+json)' },
      },
    },
  },
};
