// Turns a raw bus message (what EventBridge or the embedded bus delivers) into a typed KnownEvent,
// checking the envelope, the publisher, the registered version and the data, in that order.
import { BusEnvelopeSchema, sourceOf } from '../envelope';
import { issuesFromZodError } from '../errors/contract-issue';
import { ContractViolation } from '../errors/contract-violation';
import { UnknownEvent } from '../errors/unknown-event';
import { isEventName, publisherOf } from '../registry/event-lookup';
import type { KnownEvent } from '../registry/event-registry';
import { parseEventData } from './parse-event-data';

/**
 * @throws ContractViolation part 'envelope': malformed envelope or metadata, or a source that is not
 *   the event's registered publisher (a known event from the wrong service is a broken contract, not
 *   an unknown event: it must not be silently skipped)
 * @throws UnknownEvent: the detail-type, or that major version of it, is not registered
 * @throws ContractViolation part 'data': the data does not match the version's schema (unknown
 *   fields are dropped, not refused: a newer producer may add optional fields within a version)
 */
export const parseBusEnvelope = (raw: unknown): KnownEvent => {
  const envelope = BusEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new ContractViolation({
      part: 'envelope',
      issues: issuesFromZodError(envelope.error),
      cause: envelope.error,
    });
  }
  const { source, 'detail-type': name, detail } = envelope.data;
  const { metadata } = detail;
  if (!isEventName(name)) {
    throw new UnknownEvent({ eventName: name, eventVersion: metadata.version, knownVersions: [] });
  }
  const expectedSource = sourceOf(publisherOf(name));
  if (source !== expectedSource) {
    throw new ContractViolation({
      part: 'envelope',
      eventName: name,
      eventVersion: metadata.version,
      issues: [{ path: 'source', message: `${name} is published by ${expectedSource}, not ${source}` }],
    });
  }
  // Consumers tolerate fields added after they were built (additive changes within a major version).
  const data = parseEventData(name, metadata.version, detail.data, { tolerateUnknownFields: true });
  // The checks above are exactly what makes this a KnownEvent; TypeScript cannot follow them through strings.
  return { source, name, version: metadata.version, metadata, data } as KnownEvent;
};
