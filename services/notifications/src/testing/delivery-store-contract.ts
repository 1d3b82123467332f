// The contract every DeliveryStore adapter passes (SQLite and DynamoDB): idempotent enqueue with the
// consumed event, leased claims that come back after a crash, settling at most once per claim, the
// attempt log and the endpoint's failure streak. Times are passed in, so nothing here sleeps.
import type { ClaimedDelivery, DeliveryStore, NewDelivery } from '../ports/delivery-store';
import { attemptEntry, claimOne } from './delivery-store-fixtures';

interface DeliveryStoreUnderTest {
  readonly store: DeliveryStore;
  /** A second instance over the same storage: another process, or the same one after a restart. */
  reopen(): Promise<DeliveryStore>;
  cleanup(): Promise<void>;
}

const t0 = new Date('2026-11-25T12:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
const lease = 30_000;

const delivery = (subscriptionId: string, eventId: string, ownerId = 'owner-a'): NewDelivery => ({
  subscriptionId,
  ownerId,
  eventId,
  eventType: 'JobCompleted',
  body: JSON.stringify({ type: 'JobCompleted', data: { jobId: `job-${eventId}` } }),
});

export const describeDeliveryStoreContract = (name: string, make: () => Promise<DeliveryStoreUnderTest>): void => {
  describe(name, () => {
    let subject: DeliveryStoreUnderTest;
    let store: DeliveryStore;
    beforeEach(async () => {
      subject = await make();
      store = subject.store;
    });
    afterEach(() => subject.cleanup());

    it('enqueues deliveries that are due at once, with the exact body', async () => {
      expect(await store.enqueue('evt-1', [delivery('wh_a', 'evt-1'), delivery('wh_b', 'evt-1')], t0)).toBe('enqueued');
      const claimed = await store.claimDue({ now: t0, limit: 10, leaseMs: lease });
      expect(claimed.map((c) => c.subscriptionId).sort()).toEqual(['wh_a', 'wh_b']);
      expect(claimed[0]).toMatchObject({ eventId: 'evt-1', attempts: 0, ownerId: 'owner-a', eventType: 'JobCompleted', body: delivery('wh_a', 'evt-1').body });
      expect(await store.get('wh_a', 'evt-1')).toMatchObject({ status: 'pending', attempts: 0, createdAt: t0 });
    });

    it('enqueues nothing twice for a redelivered event, or for a delivery that already exists', async () => {
      await store.enqueue('evt-1', [delivery('wh_a', 'evt-1')], t0);
      expect(await store.enqueue('evt-1', [delivery('wh_a', 'evt-1'), delivery('wh_b', 'evt-1')], at(1))).toBe('duplicate');
      expect(await store.get('wh_b', 'evt-1')).toBeUndefined();
      expect(await store.enqueue('evt-1-again', [delivery('wh_a', 'evt-1')], at(2))).toBe('duplicate');
      expect(await store.claimDue({ now: at(3), limit: 10, leaseMs: lease })).toHaveLength(1);
    });

    it('claims the oldest due first, up to the limit, and nothing that is not due yet', async () => {
      await store.enqueue('evt-2', [delivery('wh_a', 'evt-2')], at(2));
      await store.enqueue('evt-1', [delivery('wh_a', 'evt-1')], at(1));
      await store.enqueue('evt-3', [delivery('wh_a', 'evt-3')], at(30));
      const first = await store.claimDue({ now: at(10), limit: 1, leaseMs: lease });
      expect(first.map((c) => c.eventId)).toEqual(['evt-1']);
      const rest = await store.claimDue({ now: at(10), limit: 10, leaseMs: lease });
      expect(rest.map((c) => c.eventId)).toEqual(['evt-2']);
    });

    it('keeps a claimed delivery from others until its lease ends, then hands it out again (a crashed dispatcher)', async () => {
      await store.enqueue('evt-1', [delivery('wh_a', 'evt-1')], t0);
      const [first] = await store.claimDue({ now: t0, limit: 10, leaseMs: lease });
      expect(await store.claimDue({ now: at(29), limit: 10, leaseMs: lease })).toEqual([]);
      const [again] = await store.claimDue({ now: at(31), limit: 10, leaseMs: lease });
      expect(again?.eventId).toBe('evt-1');
      expect(again?.claim).not.toBe(first?.claim);
    });

    it('settles a retry: pending again at the next attempt time, logged, streak started', async () => {
      const claimed = await claimOne(store, delivery('wh_a', 'evt-1'), t0);
      const health = await store.recordAttempt(claimed, attemptEntry(claimed, { attempt: 1, attemptedAt: at(1), outcome: 'retrying', responseStatus: 500, nextAttemptAt: at(6) }));
      expect(health).toEqual({ consecutiveFailures: 1, failingSince: at(1) });
      expect(await store.get('wh_a', 'evt-1')).toMatchObject({ status: 'pending', attempts: 1, dueAt: at(6) });
      expect(await store.claimDue({ now: at(5), limit: 10, leaseMs: lease })).toEqual([]);
      const [retry] = await store.claimDue({ now: at(6), limit: 10, leaseMs: lease });
      expect(retry?.attempts).toBe(1);
    });

    it('settles a success once: the same claim cannot settle again, and a stale claim writes nothing', async () => {
      const stale = await claimOne(store, delivery('wh_a', 'evt-1'), t0);
      const [current] = await store.claimDue({ now: at(31), limit: 10, leaseMs: lease });
      const entry = attemptEntry(current as ClaimedDelivery, { attempt: 1, attemptedAt: at(32), outcome: 'delivered', responseStatus: 204 });
      expect(await store.recordAttempt(stale, { ...entry, attemptedAt: at(31.5) })).toBeUndefined();
      expect(await store.recordAttempt(current as ClaimedDelivery, entry)).toEqual({ consecutiveFailures: 0, failingSince: null });
      expect(await store.recordAttempt(current as ClaimedDelivery, { ...entry, attemptedAt: at(33) })).toBeUndefined();
      expect(await store.get('wh_a', 'evt-1')).toMatchObject({ status: 'delivered', attempts: 1, dueAt: null, finishedAt: at(32) });
      expect(await store.recentAttempts('wh_a', 10)).toHaveLength(1);
      expect(await store.claimDue({ now: at(1000), limit: 10, leaseMs: lease })).toEqual([]);
    });

    it('ends failed, gone and cancelled deliveries; a cancellation leaves the streak as it was', async () => {
      const a = await claimOne(store, delivery('wh_a', 'evt-1'), t0);
      await store.recordAttempt(a, attemptEntry(a, { attempt: 1, attemptedAt: at(1), outcome: 'failed', responseStatus: 500 }));
      const b = await claimOne(store, delivery('wh_a', 'evt-2'), at(2));
      const health = await store.recordAttempt(b, attemptEntry(b, { attempt: b.attempts, attemptedAt: at(3), outcome: 'cancelled', error: 'SUBSCRIPTION_DELETED' }));
      expect(health).toEqual({ consecutiveFailures: 1, failingSince: at(1) });
      expect(await store.get('wh_a', 'evt-1')).toMatchObject({ status: 'failed', attempts: 1 });
      expect(await store.get('wh_a', 'evt-2')).toMatchObject({ status: 'cancelled', attempts: 0 });
      const c = await claimOne(store, delivery('wh_b', 'evt-3'), at(4));
      await store.recordAttempt(c, attemptEntry(c, { attempt: 1, attemptedAt: at(5), outcome: 'gone', responseStatus: 410 }));
      expect(await store.get('wh_b', 'evt-3')).toMatchObject({ status: 'failed' });
    });

    it('counts the streak per endpoint across messages, and starts afresh after resetHealth', async () => {
      for (const [i, id] of ['e1', 'e2', 'e3'].entries()) {
        const claimed = await claimOne(store, delivery('wh_a', id), at(i * 10));
        await store.recordAttempt(claimed, attemptEntry(claimed, { attempt: 1, attemptedAt: at(i * 10 + 1), outcome: 'retrying', error: 'TIMEOUT: slow', nextAttemptAt: at(5000) }));
      }
      const other = await claimOne(store, delivery('wh_b', 'e4'), at(40));
      expect(await store.recordAttempt(other, attemptEntry(other, { attempt: 1, attemptedAt: at(41), outcome: 'retrying', nextAttemptAt: at(5000) }))).toEqual({ consecutiveFailures: 1, failingSince: at(41) });
      await store.resetHealth('wh_a');
      const next = await claimOne(store, delivery('wh_a', 'e5'), at(50));
      expect(await store.recordAttempt(next, attemptEntry(next, { attempt: 1, attemptedAt: at(51), outcome: 'retrying', nextAttemptAt: at(5000) }))).toEqual({ consecutiveFailures: 1, failingSince: at(51) });
    });

    it('lists a subscription’s attempts newest first, with every field', async () => {
      const claimed = await claimOne(store, delivery('wh_a', 'evt-1'), t0);
      await store.recordAttempt(claimed, attemptEntry(claimed, { attempt: 1, attemptedAt: at(1), outcome: 'retrying', responseStatus: 503, durationMs: 12, error: 'HTTP 503: busy', nextAttemptAt: at(6) }));
      const [retry] = await store.claimDue({ now: at(6), limit: 1, leaseMs: lease });
      await store.recordAttempt(retry as ClaimedDelivery, attemptEntry(retry as ClaimedDelivery, { attempt: 2, attemptedAt: at(7), outcome: 'delivered', responseStatus: 200, durationMs: 8 }));
      await claimOne(store, delivery('wh_other', 'evt-9'), t0);
      const log = await store.recentAttempts('wh_a', 10);
      expect(log.map((e) => e.attempt)).toEqual([2, 1]);
      expect(log[1]).toEqual({ subscriptionId: 'wh_a', eventId: 'evt-1', eventType: 'JobCompleted', attempt: 1, attemptedAt: at(1), outcome: 'retrying', responseStatus: 503, durationMs: 12, error: 'HTTP 503: busy', nextAttemptAt: at(6) });
      expect(await store.recentAttempts('wh_a', 1)).toHaveLength(1);
      expect(await store.recentAttempts('wh_other', 10)).toEqual([]);
    });

    it('gives a released claim back at once, without counting an attempt', async () => {
      const claimed = await claimOne(store, delivery('wh_a', 'evt-1'), t0);
      await store.release(claimed, at(1));
      const [again] = await store.claimDue({ now: at(1), limit: 10, leaseMs: lease });
      expect(again).toMatchObject({ eventId: 'evt-1', attempts: 0 });
    });

    it('keeps pending deliveries across a restart', async () => {
      await store.enqueue('evt-1', [delivery('wh_a', 'evt-1')], t0);
      await claimOne(store, delivery('wh_a', 'evt-2'), t0);
      const restarted = await subject.reopen();
      const claimed = await restarted.claimDue({ now: at(60), limit: 10, leaseMs: lease });
      expect(claimed.map((c) => c.eventId).sort()).toEqual(['evt-1', 'evt-2']);
    });
  });
};
