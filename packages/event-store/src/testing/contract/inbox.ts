// Contract: the transactional inbox. A consumer records the incoming eventId in the same append as
// the events it caused; a redelivery then fails with EventAlreadyHandled and writes nothing.
import { EventAlreadyHandled, isEventAlreadyHandled } from '../../errors/event-already-handled';
import type { ContractContext } from '../event-store-contract';
import { entriesOf, recordingRelay, relayUntilIdle, sampleEvent, uniqueId } from './sample-events';

export const describeInbox = (context: ContractContext): void => {
  describe('transactional inbox', () => {
    it('records a consumed event in the same append as the events it caused', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const consumed = { consumer: 'jobs.upload-completed', eventId: uniqueId('upload-completed') };

      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(false);
      await store.append(streamId, 0, [sampleEvent('JobCreated')], { consumed });

      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(true);
      expect(await store.read(streamId)).toHaveLength(1);
    });

    it('refuses the same consumed event twice with EventAlreadyHandled, writing no events and no outbox entries', async () => {
      const { store, outbox } = context();
      const [first, second] = [uniqueId('job'), uniqueId('job')];
      const consumed = { consumer: 'jobs.upload-completed', eventId: uniqueId('upload-completed') };
      await store.append(first, 0, [sampleEvent('JobCreated')], { consumed });

      const error = await store
        .append(second, 0, [sampleEvent('JobCreated')], { consumed })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EventAlreadyHandled);
      expect(error).toMatchObject({
        code: 'EVENT_ALREADY_HANDLED',
        name: 'EventAlreadyHandled',
        ...consumed,
      });
      expect(isEventAlreadyHandled(error)).toBe(true);
      expect(await store.read(second)).toEqual([]);
      const { relay, published } = recordingRelay(outbox);
      await relayUntilIdle(relay);
      expect(entriesOf(published, [first, second]).map((e) => e.streamId)).toEqual([first]);
    });

    it('answers EventAlreadyHandled rather than a conflict when the stream has moved on too', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const consumed = { consumer: 'jobs.media-probed', eventId: uniqueId('media-probed') };
      await store.append(streamId, 0, [sampleEvent('JobValidated')], { consumed });

      // The redelivery carries the version the handler read the first time: stale by now.
      await expect(
        store.append(streamId, 0, [sampleEvent('JobValidated')], { consumed }),
      ).rejects.toBeInstanceOf(EventAlreadyHandled);
      expect(await store.read(streamId)).toHaveLength(1);
    });

    it('records a handled event that produces no events, once', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const consumed = { consumer: 'jobs.transcode-progressed', eventId: uniqueId('progress') };

      await expect(store.append(streamId, 0, [], { consumed })).resolves.toEqual({ nextExpectedVersion: 0 });
      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(true);
      await expect(store.append(streamId, 0, [], { consumed })).rejects.toBeInstanceOf(EventAlreadyHandled);
      expect(await store.read(streamId)).toEqual([]);
    });

    it('does not record the consumed event when the append conflicts, so the retry can succeed', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      const consumed = { consumer: 'jobs.media-probed', eventId: uniqueId('media-probed') };
      await store.append(streamId, 0, [sampleEvent('JobCreated')]);

      await expect(
        store.append(streamId, 0, [sampleEvent('JobValidated')], { consumed }),
      ).rejects.toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
      });
      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(false);
      await store.append(streamId, 1, [sampleEvent('JobValidated')], { consumed });
      expect(await store.hasHandled(consumed.consumer, consumed.eventId)).toBe(true);
    });

    it('keeps the inboxes of different consumers apart', async () => {
      const { store } = context();
      const eventId = uniqueId('job-completed');
      await store.append(uniqueId('sub'), 0, [], {
        consumed: { consumer: 'notifications.webhooks', eventId },
      });

      expect(await store.hasHandled('notifications.live', eventId)).toBe(false);
      await store.append(uniqueId('sub'), 0, [], { consumed: { consumer: 'notifications.live', eventId } });
      // Separator characters inside ids must not make two different (consumer, eventId) pairs collide.
      const suffix = uniqueId('x');
      await store.append(uniqueId('sub'), 0, [], { consumed: { consumer: `a#${suffix}`, eventId: 'c' } });
      expect(await store.hasHandled('a', `${suffix}#c`)).toBe(false);
    });
  });
};
