// What both publishers do before touching a transport: validate every envelope, serialise it and
// check it against EventBridge's entry limit, so a call is refused whole or sent whole.
import type { BusEnvelope } from '@mediaflow/contracts';
import { EventTooLarge } from './errors/event-too-large';
import { InvalidEnvelope } from './errors/invalid-envelope';
import type { EnvelopeValidator } from './ports/envelope-validator';

/**
 * The one setting for how big an event may be on the bus: EventBridge's PutEvents entry limit, also
 * the most one PutEvents request carries. The API reference says 1 MB since 2026 (some user-guide
 * pages still say 256 KB); if AWS moves it, change it here. Both publishers refuse a bigger entry, and
 * the event store refuses to append an event that would be bigger (`@mediaflow/event-store`), so an
 * event that could never be published is never stored.
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

export interface OutgoingEvent {
  readonly envelope: BusEnvelope;
  /** The JSON of `detail`, as sent (EventBridge Detail, the embedded log's body). */
  readonly detail: string;
  readonly sizeBytes: number;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Entry size the way EventBridge computes it: Source + DetailType + Detail + Resources (+14 for Time, unused). */
export const entrySizeOf = (entry: {
  source: string;
  detailType: string;
  detail: string;
  resources?: readonly string[];
}): number =>
  utf8(entry.source) +
  utf8(entry.detailType) +
  utf8(entry.detail) +
  (entry.resources ?? []).reduce((n, r) => n + utf8(r), 0);

export const prepareForPublish = (
  envelopes: readonly BusEnvelope[],
  validate: EnvelopeValidator,
): OutgoingEvent[] => {
  // Validate all before sizing any: a contract problem is the more useful error to report.
  const valid = envelopes.map((raw, index) => {
    try {
      return validate(raw);
    } catch (error) {
      throw new InvalidEnvelope(index, error);
    }
  });
  return valid.map((envelope) => {
    const detail = JSON.stringify(envelope.detail);
    const sizeBytes = entrySizeOf({ source: envelope.source, detailType: envelope['detail-type'], detail });
    if (sizeBytes > MAX_EVENT_BYTES) {
      throw new EventTooLarge(
        envelope.detail.metadata.eventId,
        envelope['detail-type'],
        sizeBytes,
        MAX_EVENT_BYTES,
      );
    }
    return { envelope, detail, sizeBytes };
  });
};

/** PutEvents takes at most 10 entries per request. */
export const MAX_PUT_EVENTS_ENTRIES = 10;

/** Splits into PutEvents-sized batches: at most `maxCount` entries and `maxBytes` in total each. */
export const chunkForPutEvents = (
  events: readonly OutgoingEvent[],
  maxCount = MAX_PUT_EVENTS_ENTRIES,
  maxBytes = MAX_EVENT_BYTES,
): OutgoingEvent[][] => {
  const batches: OutgoingEvent[][] = [];
  let current: OutgoingEvent[] = [];
  let bytes = 0;
  for (const e of events) {
    if (current.length > 0 && (current.length === maxCount || bytes + e.sizeBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += e.sizeBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};
