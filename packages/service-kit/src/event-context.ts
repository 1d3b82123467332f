// Where an event comes from: who owns it, which request or event chain it belongs to and what caused
// it. Every event a handler writes carries its cause's correlation id forward.
import type { EventMetadata } from '@mediaflow/contracts';
import { isEventName, versionsOf } from '@mediaflow/contracts';

export interface EventContext {
  readonly ownerId: string;
  readonly correlationId: string;
  /** The event or request id that caused the new events (null when a person started it). */
  readonly causationId: string | null;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/** A public event is written at the newest major version this build publishes; internal ones at 1. */
const schemaVersionOf = (type: string): number => (isEventName(type) ? Math.max(...versionsOf(type)) : 1);

export const metadataFor = (type: string, context: EventContext, clock: Clock, ids: IdGenerator): EventMetadata => ({
  eventId: ids.next(),
  version: schemaVersionOf(type),
  occurredAt: clock.now().toISOString(),
  correlationId: context.correlationId,
  causationId: context.causationId,
  ownerId: context.ownerId,
});

/** The context of events caused by an incoming one: same owner and chain, caused by it. */
export const causedBy = (metadata: EventMetadata): EventContext => ({
  ownerId: metadata.ownerId,
  correlationId: metadata.correlationId,
  causationId: metadata.eventId,
});
