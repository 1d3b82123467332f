// The append-time size check against the bus's one limit (MAX_EVENT_BYTES): the boundary, byte for
// byte, and agreement with what the relay publishes for the same event.
import { entrySizeOf, MAX_EVENT_BYTES } from '@mediaflow/bus';
import { SERVICES, sourceOf } from '@mediaflow/contracts';
import { EventTooLargeForBus } from '../src/errors/event-too-large-for-bus';
import { busEntrySizeOf, prepareAppend } from '../src/input-validation';
import { toBusEnvelope, type OutboxEntry } from '../src/outbox';
import { sampleEvent } from '../src/testing/contract/sample-events';

const longestSource = SERVICES.map(sourceOf).sort((a, b) => b.length - a.length)[0]!;

/** An event whose bus entry (with the longest source) is exactly `bytes`. */
const eventOfSize = (bytes: number) => {
  const base = sampleEvent('SampleHappened', { note: '' });
  const [prepared] = prepareAppend('s-1', 0, [base]);
  return sampleEvent('SampleHappened', { note: 'x'.repeat(bytes - busEntrySizeOf(prepared!)) });
};

describe('append-time bus size check', () => {
  it('counts exactly what the relay publishes for the event, with the longest source', () => {
    const event = sampleEvent('SampleHappened', { note: 'né €' });
    const entry: OutboxEntry = {
      ...event,
      streamId: 's-1',
      streamVersion: 1,
      schemaVersion: 1,
      storedAt: '2026-12-07T00:00:00.000Z',
      outboxId: '1',
      source: longestSource,
    };
    const envelope = toBusEnvelope(entry);
    const published = entrySizeOf({
      source: envelope.source,
      detailType: envelope['detail-type'],
      detail: JSON.stringify(envelope.detail),
    });

    expect(busEntrySizeOf(prepareAppend('s-1', 0, [event])[0]!)).toBe(published);
  });

  it('accepts an event of exactly MAX_EVENT_BYTES and refuses one byte more', () => {
    expect(() => prepareAppend('s-1', 0, [eventOfSize(MAX_EVENT_BYTES)])).not.toThrow();
    expect(() => prepareAppend('s-1', 0, [eventOfSize(MAX_EVENT_BYTES + 1)])).toThrow(EventTooLargeForBus);
  });
});
