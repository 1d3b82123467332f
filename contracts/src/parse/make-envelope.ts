// Builds the bus envelope for an event a service publishes, validating metadata and data first so
// a producer can never put a message on the bus that its consumers would reject.
import { EventMetadataSchema, sourceOf, type EventMetadata } from '../envelope';
import { issuesFromZodError } from '../errors/contract-issue';
import { ContractViolation } from '../errors/contract-violation';
import { publisherOf } from '../registry/event-lookup';
import type { EventDataOf, EventName, EventVersion, PublisherOf } from '../registry/event-registry';
import { parseEventData } from './parse-event-data';

/** The envelope as it goes on the bus, typed for one event version. */
export interface TypedBusEnvelope<N extends EventName, V extends EventVersion<N>> {
  source: `mediaflow.${PublisherOf<N>}`;
  'detail-type': N;
  detail: { metadata: EventMetadata & { version: V }; data: EventDataOf<N, V> };
}

/**
 * `metadata.version` picks the schema: `makeEnvelope('JobCreated', data, { ...meta, version: 1 })`.
 * @throws ContractViolation (part 'envelope' for metadata, 'data' for data)
 * @throws UnknownEvent when the version is not registered (only reachable from untyped callers)
 */
export const makeEnvelope = <N extends EventName, V extends EventVersion<N>>(
  name: N,
  data: EventDataOf<N, V>,
  metadata: EventMetadata & { version: V },
): TypedBusEnvelope<N, V> => {
  const checkedMetadata = EventMetadataSchema.safeParse(metadata);
  if (!checkedMetadata.success) {
    throw new ContractViolation({
      part: 'envelope',
      eventName: name,
      eventVersion: metadata.version,
      issues: issuesFromZodError(checkedMetadata.error).map((i) => ({
        ...i,
        path: prefixed('detail.metadata', i.path),
      })),
      cause: checkedMetadata.error,
    });
  }
  return {
    source: sourceOf(publisherOf(name)) as `mediaflow.${PublisherOf<N>}`,
    'detail-type': name,
    detail: {
      metadata: { ...checkedMetadata.data, version: metadata.version },
      data: parseEventData(name, metadata.version, data),
    },
  };
};

const prefixed = (prefix: string, path: string): string => (path === '' ? prefix : `${prefix}.${path}`);
