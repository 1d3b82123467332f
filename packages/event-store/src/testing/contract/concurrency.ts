// Contract: appends are optimistic. An append at a version the stream is no longer at fails with
// StreamVersionConflict and writes nothing, and of racing appends exactly one wins.
import { isStreamVersionConflict, StreamVersionConflict } from '../../errors/stream-version-conflict';
import type { ContractContext } from '../event-store-contract';
import { sampleEvent, sampleEvents, uniqueId } from './sample-events';

export const describeConcurrency = (context: ContractContext): void => {
  describe('optimistic concurrency', () => {
    it('rejects an append at a stale version with StreamVersionConflict and writes nothing', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));

      const error = await store.append(streamId, 1, [sampleEvent('Late')]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StreamVersionConflict);
      expect(error).toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
        name: 'StreamVersionConflict',
        streamId,
        expected: 1,
        actual: 2,
      });
      expect(isStreamVersionConflict(error)).toBe(true);
      expect((await store.read(streamId)).map((e) => e.type)).toEqual(['SampleHappened', 'SampleHappened']);
    });

    it('rejects creating a stream that already exists (expected version 0)', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(1));

      await expect(store.append(streamId, 0, sampleEvents(1))).rejects.toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
        actual: 1,
      });
    });

    it('rejects an append ahead of the stream without leaving a gap', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));

      await expect(store.append(streamId, 5, sampleEvents(1))).rejects.toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
        expected: 5,
      });
      await expect(store.append(uniqueId('job'), 3, [])).rejects.toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
      });
      await store.append(streamId, 2, [sampleEvent('Next')]);
      expect((await store.read(streamId)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    });

    it('rejects zero events at a stale version', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));

      await expect(store.append(streamId, 1, [])).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT' });
    });

    it('writes none of the events of a multi-event append that conflicts', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, [sampleEvent('First')]);

      await expect(
        store.append(streamId, 0, [sampleEvent('A'), sampleEvent('B'), sampleEvent('C')]),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      expect((await store.read(streamId)).map((e) => e.type)).toEqual(['First']);
    });

    it('lets exactly one of ten racing appends at the same version win; the others get StreamVersionConflict', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, [sampleEvent('Created')]);

      const racers = Array.from({ length: 10 }, (_, racer) => [
        sampleEvent('Raced', { racer, part: 1 }),
        sampleEvent('Raced', { racer, part: 2 }),
      ]);
      const outcomes = await Promise.allSettled(racers.map((events) => store.append(streamId, 1, events)));

      const winners = outcomes.flatMap((o, racer) => (o.status === 'fulfilled' ? [racer] : []));
      const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers.every(isStreamVersionConflict)).toBe(true);
      const stored = await store.read(streamId);
      expect(stored.map((e) => e.data)).toEqual([
        { note: 'sample' },
        { racer: winners[0], part: 1 },
        { racer: winners[0], part: 2 },
      ]);
    });

    it('lets exactly one of two store instances over the same storage win a race', async () => {
      const { store } = context();
      const other = await context().reopen();
      const streamId = uniqueId('job');

      const outcomes = await Promise.allSettled([
        store.append(streamId, 0, [sampleEvent('FromFirst')]),
        other.store.append(streamId, 0, [sampleEvent('FromSecond')]),
      ]);

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(
        outcomes.filter((o) => o.status === 'rejected' && isStreamVersionConflict(o.reason)),
      ).toHaveLength(1);
      expect(await other.store.read(streamId)).toEqual(await store.read(streamId));
      expect(await store.read(streamId)).toHaveLength(1);
    });
  });
};
