// Contract: inputs the store cannot take are refused with EventStoreInputInvalid (or, for an event the
// bus could never carry, EventTooLargeForBus) before anything is written, identically by every adapter.
import { MAX_EVENT_BYTES } from '@mediaflow/bus';
import type { AppendOptions, NewEvent } from '../../event-store';
import { EventStoreInputInvalid, isEventStoreInputInvalid } from '../../errors/event-store-input-invalid';
import { EventTooLargeForBus, isEventTooLargeForBus } from '../../errors/event-too-large-for-bus';
import type { ContractContext } from '../event-store-contract';
import { sampleEvent, uniqueId } from './sample-events';

const withoutType = (): NewEvent => ({ ...sampleEvent(), type: '' });
const withoutEventId = (): NewEvent => {
  const event = sampleEvent();
  return { ...event, metadata: { ...event.metadata, eventId: '' } };
};
const withSchemaVersion = (version: number): NewEvent => sampleEvent('SampleHappened', {}, version);

const badAppends: [string, (streamId: string) => [string, number, NewEvent[], AppendOptions?]][] = [
  ['an empty stream id', () => ['', 0, [sampleEvent()]]],
  ['a stream id longer than 512 characters', () => ['s'.repeat(513), 0, [sampleEvent()]]],
  ['a negative expected version', (id) => [id, -1, [sampleEvent()]]],
  ['a fractional expected version', (id) => [id, 0.5, [sampleEvent()]]],
  ['an event without a type', (id) => [id, 0, [sampleEvent(), withoutType()]]],
  ['an event without an eventId', (id) => [id, 0, [withoutEventId()]]],
  ['an event with schema version 0', (id) => [id, 0, [withSchemaVersion(0)]]],
  ['an event without data', (id) => [id, 0, [{ ...sampleEvent(), data: undefined }]]],
  ['data that is not JSON', (id) => [id, 0, [sampleEvent('SampleHappened', { size: 10n })]]],
  [
    'a consumed event without a consumer',
    (id) => [id, 0, [], { consumed: { consumer: '', eventId: 'e-1' } }],
  ],
];

export const describeInputValidation = (context: ContractContext): void => {
  describe('input validation', () => {
    it.each(badAppends)('refuses an append with %s, writing nothing', async (_, build) => {
      const { store } = context();
      const streamId = uniqueId('job');
      const [id, expectedVersion, events, options] = build(streamId);

      const error = await store.append(id, expectedVersion, events, options).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EventStoreInputInvalid);
      expect(error).toMatchObject({ code: 'EVENT_STORE_INPUT_INVALID', name: 'EventStoreInputInvalid' });
      expect(isEventStoreInputInvalid(error)).toBe(true);
      expect(await store.read(streamId)).toEqual([]);
    });

    it('names every problem of an append at once', async () => {
      const error = await context()
        .store.append('', -1, [withoutType()])
        .catch((e: unknown) => e);

      expect((error as EventStoreInputInvalid).problems).toEqual([
        expect.stringContaining('streamId'),
        expect.stringContaining('expectedVersion'),
        expect.stringContaining('events[0].type'),
      ]);
    });

    it('refuses an event too large for the bus with EventTooLargeForBus, writing nothing, not even the inbox entry', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const consumed = { consumer: 'jobs.sample', eventId: uniqueId('in') };
      // 'é' is 2 bytes in UTF-8: the data alone is MAX_EVENT_BYTES, the envelope around it tips it over.
      const huge = sampleEvent('SampleHappened', { note: 'é'.repeat(MAX_EVENT_BYTES / 2) });

      const error = await store
        .append(streamId, 0, [sampleEvent(), huge], { consumed })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EventTooLargeForBus);
      expect(isEventTooLargeForBus(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'EVENT_TOO_LARGE_FOR_BUS',
        streamId,
        index: 1,
        type: 'SampleHappened',
        eventId: huge.metadata.eventId,
        limitBytes: MAX_EVENT_BYTES,
      });
      expect((error as EventTooLargeForBus).sizeBytes).toBeGreaterThan(MAX_EVENT_BYTES);
      expect((error as Error).message).toMatch(
        /could never be published.*nothing was appended.*blob storage/,
      );
      expect(await store.read(streamId)).toEqual([]);
      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(false);
      await expect(store.append(streamId, 0, [sampleEvent()], { consumed })).resolves.toEqual({
        nextExpectedVersion: 1,
      });
    });

    it('refuses reads and inbox queries with bad arguments', async () => {
      const { store } = context();
      await expect(store.read('')).rejects.toBeInstanceOf(EventStoreInputInvalid);
      await expect(store.read(uniqueId('job'), 0)).rejects.toBeInstanceOf(EventStoreInputInvalid);
      await expect(store.hasHandled('', 'e-1')).rejects.toBeInstanceOf(EventStoreInputInvalid);
      await expect(store.hasHandled('jobs.x', '')).rejects.toBeInstanceOf(EventStoreInputInvalid);
    });
  });
};
