// The contract every RecentEventsLog adapter passes (SQLite and DynamoDB): per-owner reads in store
// order, from a point in time, bounded to the newest events.
import type { NotifiedEvent } from '../domain/notification-payload';
import type { RecentEventsLog } from '../ports/recent-events-log';

interface RecentEventsLogUnderTest {
  readonly log: RecentEventsLog;
  cleanup(): Promise<void>;
}

const t0 = new Date('2026-11-25T12:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);
const event = (ownerId: string, n: number): NotifiedEvent => ({
  eventId: `evt-${ownerId}-${n}`,
  ownerId,
  payload: { type: 'TranscodeProgressed', timestamp: at(n).toISOString(), version: 1, data: { jobId: 'job_1', attempt: 1, percent: n } },
});

export const describeRecentEventsLogContract = (name: string, make: () => Promise<RecentEventsLogUnderTest>): void => {
  describe(name, () => {
    let subject: RecentEventsLogUnderTest;
    let log: RecentEventsLog;
    beforeEach(async () => {
      subject = await make();
      log = subject.log;
    });
    afterEach(() => subject.cleanup());

    it("reads an owner's events oldest first, with their payloads, and no one else's", async () => {
      for (const n of [1, 2, 3]) await log.append(event('owner-a', n), at(n));
      await log.append(event('owner-b', 9), at(2));
      expect(await log.readSince('owner-a', t0, 10)).toEqual([event('owner-a', 1), event('owner-a', 2), event('owner-a', 3)]);
      expect(await log.readSince('owner-c', t0, 10)).toEqual([]);
    });

    it('reads from a point in time, and only the newest when there are more than the limit', async () => {
      for (const n of [1, 2, 3, 4, 5]) await log.append(event('owner-a', n), at(n));
      expect((await log.readSince('owner-a', at(3), 10)).map((e) => e.eventId)).toEqual(['evt-owner-a-3', 'evt-owner-a-4', 'evt-owner-a-5']);
      expect((await log.readSince('owner-a', t0, 2)).map((e) => e.eventId)).toEqual(['evt-owner-a-4', 'evt-owner-a-5']);
    });

    it('keeps events stored in the same millisecond in the order they were stored', async () => {
      await log.append(event('owner-a', 2), at(1));
      await log.append(event('owner-a', 1), at(1));
      expect((await log.readSince('owner-a', t0, 10)).map((e) => e.eventId).sort()).toEqual(['evt-owner-a-1', 'evt-owner-a-2']);
    });
  });
};
