// Turns a service's typed handlers into the bus's EventHandler: parses the envelope into a typed
// KnownEvent, logs with its correlation id, and routes by event name. An event the service declared
// but has no handler for is acknowledged with a warning, never retried forever.
import { parseBusEnvelope, type EventName, type KnownEvent } from '@mediaflow/contracts';
import type { DeliveryContext, EventHandler } from '@mediaflow/bus';
import { withCorrelation, type Logger } from '@mediaflow/logging';

type EventOfName<N extends EventName> = Extract<KnownEvent, { name: N }>;

export type TypedHandlers = {
  readonly [N in EventName]?: (event: EventOfName<N>, ctx: DeliveryContext & { logger: Logger }) => Promise<void>;
};

export const dispatchTo = (handlers: TypedHandlers, logger: Logger): EventHandler => async (envelope, ctx) => {
  const event = parseBusEnvelope(envelope);
  const log = withCorrelation(logger, event.metadata.correlationId, { eventId: event.metadata.eventId, event: event.name });
  const handler = handlers[event.name] as ((e: KnownEvent, c: DeliveryContext & { logger: Logger }) => Promise<void>) | undefined;
  if (!handler) {
    log.warn('no handler for a delivered event; acknowledged');
    return;
  }
  const started = Date.now();
  try {
    await handler(event, { ...ctx, logger: log });
    log.debug('handled', { ms: Date.now() - started, attempt: ctx.attempt });
  } catch (error) {
    log.warn('handler failed; the bus will retry', { attempt: ctx.attempt, error: error as Error });
    throw error;
  }
};
