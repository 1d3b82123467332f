// One contract for every JobReadModel adapter: the SQLite file and the DynamoDB table run it alike.
import type { JobStatus } from '../../src/domain/job-status';
import { CursorInvalid } from '../../src/ports/job-list-cursor';
import type { JobReadModel } from '../../src/ports/job-read-model';
import type { JobView } from '../../src/ports/job-view';

interface ReadModelUnderTest {
  readonly readModel: JobReadModel;
  cleanup(): Promise<void>;
}

let seq = 0;
const base = Date.parse('2026-11-25T10:00:00.000Z');

/** A view created `minute` minutes after 10:00 (so creation order is the minute order). */
const sampleView = (overrides: Partial<JobView> & { minute?: number } = {}): JobView => {
  const { minute = seq++, ...rest } = overrides;
  const createdAt = new Date(base + minute * 60_000).toISOString();
  return {
    jobId: `job_${String(minute).padStart(4, '0')}_${Math.random().toString(36).slice(2, 8)}`,
    ownerId: 'owner-a',
    uploadId: 'up_x',
    profile: 'default',
    status: 'queued',
    version: 3,
    correlationId: 'corr-1',
    createdAt,
    updatedAt: createdAt,
    input: { key: 'owner-a/up_x/source' },
    attempt: 1,
    percent: 0,
    probeAttempts: 1,
    attempts: [{ attempt: 1, queuedAt: createdAt }],
    ...rest,
  };
};

const statuses = (views: readonly JobView[]): JobStatus[] => views.map((v) => v.status);

export const describeJobReadModelContract = (name: string, make: () => Promise<ReadModelUnderTest>): void => {
  describe(`JobReadModel contract [${name}]`, () => {
    let subject: ReadModelUnderTest;
    let rm: JobReadModel;
    beforeEach(async () => {
      subject = await make();
      rm = subject.readModel;
    });
    afterEach(() => subject.cleanup());

    it('returns nothing for a job it never saw', async () => {
      expect(await rm.get('job_missing')).toBeUndefined();
    });

    it('returns the view it stored, unchanged', async () => {
      const view = sampleView({ mediaInfo: { kind: 'image', container: 'png_pipe', sizeBytes: 10, image: { format: 'png', width: 2, height: 2 } } });
      await rm.upsert(view);
      expect(await rm.get(view.jobId)).toEqual(view);
    });

    it('keeps the newer view when an older one arrives late', async () => {
      const newer = sampleView({ version: 7, status: 'transcoding', percent: 60 });
      await rm.upsert(newer);
      await rm.upsert({ ...newer, version: 5, status: 'queued', percent: 0 });
      expect(await rm.get(newer.jobId)).toEqual(newer);
      await rm.upsert({ ...newer, version: 8, status: 'completed', percent: 100 });
      expect((await rm.get(newer.jobId))?.status).toBe('completed');
    });

    it("lists an owner's jobs newest first, and no one else's", async () => {
      const mine = [sampleView({ minute: 1 }), sampleView({ minute: 3 }), sampleView({ minute: 2 })];
      await Promise.all([...mine, sampleView({ minute: 4, ownerId: 'owner-b' })].map((v) => rm.upsert(v)));
      const page = await rm.listByOwner('owner-a', { limit: 10 });
      expect(page.items.map((v) => v.createdAt)).toEqual([mine[1], mine[2], mine[0]].map((v) => v?.createdAt));
      expect(page.nextCursor).toBeUndefined();
    });

    it('pages through with an opaque cursor and ends without one', async () => {
      const views = Array.from({ length: 5 }, (_, i) => sampleView({ minute: 10 + i }));
      for (const v of views) await rm.upsert(v);
      const first = await rm.listByOwner('owner-a', { limit: 2 });
      const second = await rm.listByOwner('owner-a', { limit: 2, cursor: first.nextCursor });
      const third = await rm.listByOwner('owner-a', { limit: 2, cursor: second.nextCursor });
      const ids = [...first.items, ...second.items, ...third.items].map((v) => v.jobId);
      expect(ids).toEqual([...views].reverse().map((v) => v.jobId));
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(third.nextCursor).toBeUndefined();
    });

    it('filters by status across pages', async () => {
      const kinds: JobStatus[] = ['completed', 'failed', 'completed', 'queued', 'completed', 'completed'];
      for (const [i, status] of kinds.entries()) await rm.upsert(sampleView({ minute: 20 + i, status }));
      const first = await rm.listByOwner('owner-a', { status: 'completed', limit: 3 });
      const rest = await rm.listByOwner('owner-a', { status: 'completed', limit: 3, cursor: first.nextCursor });
      expect(statuses(first.items)).toEqual(['completed', 'completed', 'completed']);
      expect(statuses(rest.items)).toEqual(['completed']);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(rm.listByOwner('owner-a', { limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(CursorInvalid);
    });

    it('finds due retries, oldest first, and forgets a retry once the job moves on', async () => {
      const retry = (attempt: number, dueAt: string) => ({ stage: 'transcode' as const, attempt, dueAt });
      const later = sampleView({ status: 'retry-scheduled', retry: retry(2, '2026-11-25T12:00:40.000Z') });
      const sooner = sampleView({ status: 'retry-scheduled', retry: retry(3, '2026-11-25T12:00:10.000Z') });
      const notYet = sampleView({ status: 'retry-scheduled', retry: retry(2, '2026-11-25T13:00:00.000Z') });
      for (const v of [later, sooner, notYet, sampleView()]) await rm.upsert(v);
      const due = await rm.dueRetries(new Date('2026-11-25T12:01:00.000Z'));
      expect(due.map((d) => [d.jobId, d.attempt])).toEqual([[sooner.jobId, 3], [later.jobId, 2]]);
      expect(due[0]).toMatchObject({ ownerId: 'owner-a', correlationId: 'corr-1', stage: 'transcode', dueAt: '2026-11-25T12:00:10.000Z' });
      await rm.upsert({ ...sooner, version: sooner.version + 1, status: 'queued', retry: undefined });
      expect((await rm.dueRetries(new Date('2026-11-25T12:01:00.000Z'))).map((d) => d.jobId)).toEqual([later.jobId]);
    });

    it('counts jobs by status and completions in the last hour and day', async () => {
      const now = new Date('2026-11-26T12:00:00.000Z');
      const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
      await rm.upsert(sampleView({ status: 'completed', completedAt: ago(10) }));
      await rm.upsert(sampleView({ status: 'completed', completedAt: ago(120) }));
      await rm.upsert(sampleView({ status: 'completed', completedAt: ago(60 * 30) }));
      await rm.upsert(sampleView({ status: 'failed' }));
      await rm.upsert(sampleView({ status: 'transcoding', ownerId: 'owner-b' }));
      const stats = await rm.stats(now);
      expect(stats).toMatchObject({ total: 5, completedLastHour: 1, completedLastDay: 2 });
      expect(stats.byStatus).toMatchObject({ completed: 3, failed: 1, transcoding: 1, queued: 0, cancelled: 0 });
    });
  });
};
