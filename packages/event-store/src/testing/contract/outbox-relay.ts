// Contract: every appended event reaches the bus through the outbox. Published exactly once while
// nothing fails, in append order; at least once across failures and crashes, never lost.
import { toBusEnvelope, type Outbox, type OutboxEntry } from '../../outbox';
import type { ContractContext } from '../event-store-contract';
import {
  entriesOf,
  positionsOf,
  recordingRelay,
  relayUntilIdle,
  sampleEvent,
  sampleEvents,
  sleep,
  uniqueId,
  waitFor,
} from './sample-events';

/** The outbox of a process that dies after publishing: nothing gets marked, nothing released. */
const crashingAfterPublish = (outbox: Outbox): Outbox => ({
  claimPending: (request) => outbox.claimPending(request),
  markPublished: () => Promise.reject(new Error('process died before marking the entries published')),
  releaseClaim: () => Promise.resolve(),
});

export const describeOutboxRelay = (context: ContractContext): void => {
  describe('outbox and relay', () => {
    // Other parts of the suite leave entries pending in the shared store: start each test from none.
    beforeEach(async () => {
      await relayUntilIdle(recordingRelay(context().outbox).relay);
    });

    it('publishes every appended event exactly once across relay runs, in append order', async () => {
      const { store, outbox } = context();
      const [a, b] = [uniqueId('job'), uniqueId('job')];
      await store.append(a, 0, sampleEvents(2));
      await store.append(b, 0, sampleEvents(1));
      await store.append(a, 2, sampleEvents(3));
      await store.append(b, 1, sampleEvents(2));
      const { relay, published } = recordingRelay(outbox, { batchSize: 3 });

      await relayUntilIdle(relay);
      await relayUntilIdle(relay);

      expect(positionsOf(entriesOf(published, [a, b]))).toEqual([
        ...[1, 2].map((v) => `${a}@${v}`),
        `${b}@1`,
        ...[3, 4, 5].map((v) => `${a}@${v}`),
        ...[2, 3].map((v) => `${b}@${v}`),
      ]);
      const ids = published.map((e) => e.outboxId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('hands the relay what the bus envelope needs: source, type, schema version, data and metadata', async () => {
      const { store, outbox } = context();
      const streamId = uniqueId('job');
      const event = sampleEvent('JobValidated', { plan: ['720p', '360p'] }, 2);
      await store.append(streamId, 0, [event]);
      const { relay, published } = recordingRelay(outbox);

      await relayUntilIdle(relay);

      const [entry] = entriesOf(published, [streamId]);
      expect(entry).toMatchObject({
        streamId,
        streamVersion: 1,
        type: 'JobValidated',
        schemaVersion: 2,
        data: event.data,
        metadata: event.metadata,
      });
      expect(entry?.source).toMatch(/^mediaflow\.[a-z]+$/);
      expect(toBusEnvelope(entry as OutboxEntry)).toEqual({
        source: entry?.source,
        'detail-type': 'JobValidated',
        detail: { metadata: event.metadata, data: event.data },
      });
    });

    it('leaves entries pending when publish throws, and the next run delivers them', async () => {
      const { store, outbox } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));
      const failing = recordingRelay(outbox, { publish: () => Promise.reject(new Error('bus unavailable')) });

      await expect(failing.relay.relayOnce()).rejects.toThrow('bus unavailable');
      const { relay, published } = recordingRelay(outbox);
      await relayUntilIdle(relay);

      expect(positionsOf(entriesOf(published, [streamId]))).toEqual([`${streamId}@1`, `${streamId}@2`]);
    });

    it('publishes entries again when a relay dies between publish and mark (at-least-once)', async () => {
      const { store, outbox } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));
      const dying = recordingRelay(crashingAfterPublish(outbox), { leaseMs: 300 });
      await expect(relayUntilIdle(dying.relay)).rejects.toThrow('process died');
      expect(positionsOf(entriesOf(dying.published, [streamId]))).toEqual([`${streamId}@1`, `${streamId}@2`]);

      const successor = recordingRelay(outbox);
      expect(await successor.relay.relayOnce()).toBe(0); // the dead relay's lease still holds
      await sleep(400);
      await relayUntilIdle(successor.relay);

      expect(positionsOf(entriesOf(successor.published, [streamId]))).toEqual([
        `${streamId}@1`,
        `${streamId}@2`,
      ]);
    });

    it('keeps a second relay off the outbox while the first is publishing', async () => {
      const { store, outbox } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(1));
      let releasePublish: () => void = () => undefined;
      const publishing = new Promise<void>((resolve) => (releasePublish = resolve));
      let publishCalled = false;
      const slow = recordingRelay(outbox, {
        publish: () => {
          publishCalled = true;
          return publishing;
        },
      });
      const other = recordingRelay((await context().reopen()).outbox);

      const slowRun = slow.relay.relayOnce();
      await waitFor(() => publishCalled);
      expect(await other.relay.relayOnce()).toBe(0);
      releasePublish();
      await slowRun;
      await relayUntilIdle(other.relay);

      expect(entriesOf(other.published, [streamId])).toEqual([]);
    });

    it('delivers entries appended before a restart from a new store and relay over the same storage', async () => {
      const { store } = context();
      const streamId = uniqueId('job');
      await store.append(streamId, 0, sampleEvents(2));

      const restarted = await context().reopen();
      const { relay, published } = recordingRelay(restarted.outbox);
      await relayUntilIdle(relay);

      expect(positionsOf(entriesOf(published, [streamId]))).toEqual([`${streamId}@1`, `${streamId}@2`]);
    });

    it('relays in the background after start, backs off while publish fails, and stops', async () => {
      const { store, outbox } = context();
      const streamId = uniqueId('job');
      const published: OutboxEntry[] = [];
      let failuresLeft = 2;
      const { relay, warnings } = recordingRelay(outbox, {
        intervalMs: 20,
        maxBackoffMs: 100,
        publish: async (entries) => {
          if (failuresLeft-- > 0) throw new Error('bus unavailable');
          published.push(...entries);
        },
      });

      await store.append(streamId, 0, sampleEvents(3));
      relay.start();
      await waitFor(() => entriesOf(published, [streamId]).length === 3);
      await relay.stop();

      expect(positionsOf(entriesOf(published, [streamId]))).toEqual([1, 2, 3].map((v) => `${streamId}@${v}`));
      expect(warnings.length).toBeGreaterThanOrEqual(2);
    });
  });
};
