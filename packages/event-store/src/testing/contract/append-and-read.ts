// Contract: what is appended reads back whole and in order, stream by stream.
import type { ContractContext } from '../event-store-contract';
import { sampleEvent, sampleEvents, uniqueId } from './sample-events';

export const describeAppendAndRead = (context: ContractContext): void => {
  describe('appending and reading', () => {
    it('reads back appended events in order with versions 1..n, type, schema version, data and metadata', async () => {
      const { store } = context();
      const streamId = uniqueId('upload');
      const events = [
        sampleEvent('UploadInitiated', { size: 10 }),
        sampleEvent('UploadCompleted', { size: 10 }, 2),
      ];

      const result = await store.append(streamId, 0, events);
      const stored = await store.read(streamId);

      expect(result).toEqual({ nextExpectedVersion: 2 });
      expect(stored).toEqual(
        events.map((event, index) => ({
          streamId,
          streamVersion: index + 1,
          type: event.type,
          schemaVersion: event.metadata.version,
          data: event.data,
          metadata: event.metadata,
          storedAt: expect.any(String),
        })),
      );
      expect(new Date(stored[0]?.storedAt ?? '').toISOString()).toBe(stored[0]?.storedAt);
    });

    it('continues a stream at the version the previous append returned', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const first = await store.append(streamId, 0, sampleEvents(2));
      const second = await store.append(streamId, first.nextExpectedVersion, sampleEvents(3));

      expect(second.nextExpectedVersion).toBe(5);
      expect((await store.read(streamId)).map((e) => [e.streamVersion, e.data])).toEqual([
        [1, { index: 0 }],
        [2, { index: 1 }],
        [3, { index: 0 }],
        [4, { index: 1 }],
        [5, { index: 2 }],
      ]);
    });

    it('reads from a given version on', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(4));

      expect((await store.read(streamId, 3)).map((e) => e.streamVersion)).toEqual([3, 4]);
      expect(await store.read(streamId, 5)).toEqual([]);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await context().store.read(uniqueId('nobody'))).toEqual([]);
    });

    it('keeps streams apart, even when one id is a prefix of another', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, [sampleEvent('A')]);
      await store.append(`${streamId}0`, 0, [sampleEvent('B')]);
      await store.append(`${streamId}#1`, 0, [sampleEvent('C')]);

      expect((await store.read(streamId)).map((e) => e.type)).toEqual(['A']);
    });

    it('round-trips JSON data exactly', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const data = {
        text: 'héllo 🎬 "quoted" \n',
        empty: '',
        nothing: null,
        numbers: [0, -1, 1.5, 2 ** 53 - 1, 1e-7],
        nested: { list: [{ a: true }, [], {}], flag: false },
      };
      await store.append(streamId, 0, [
        sampleEvent('Rich', data),
        sampleEvent('Scalar', 'just text'),
        sampleEvent('Null', null),
      ]);

      expect((await store.read(streamId)).map((e) => e.data)).toEqual([data, 'just text', null]);
    });

    it('accepts an append of zero events at the current version and changes nothing', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(1));

      expect(await store.append(streamId, 1, [])).toEqual({ nextExpectedVersion: 1 });
      expect(await store.append(uniqueId('job'), 0, [])).toEqual({ nextExpectedVersion: 0 });
      expect(await store.read(streamId)).toHaveLength(1);
    });
  });
};
