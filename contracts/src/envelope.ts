// The bus envelope every mediaflow event travels in: EventBridge's source / detail-type / detail,
// with our metadata inside detail. No AWS dependency: other teams parse what they consume with this.
import { z } from 'zod';

export const SERVICES = ['ingest', 'jobs', 'processing', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const sourceOf = (service: ServiceName): `mediaflow.${ServiceName}` => `mediaflow.${service}`;

export const EventMetadataSchema = z
  .object({
    eventId: z.string().min(1).max(128),
    /** Major version of the event's schema; a breaking change is a new major. */
    version: z.number().int().min(1),
    occurredAt: z.iso.datetime({ offset: true }),
    correlationId: z.string().min(1).max(128),
    /** The eventId (or request id) that caused this event; null for an event started by a person. */
    causationId: z.string().min(1).max(128).nullable(),
    ownerId: z.string().min(1).max(256),
  })
  .meta({ id: 'EventMetadata' });
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** What EventBridge delivers (and what our embedded bus stores): the envelope with an untyped detail. */
export const BusEnvelopeSchema = z.object({
  source: z.string().regex(/^mediaflow\.[a-z-]+$/),
  'detail-type': z.string().min(1),
  detail: z.object({ metadata: EventMetadataSchema, data: z.unknown() }),
});
export type BusEnvelope = z.infer<typeof BusEnvelopeSchema>;
