// The read model is a projection: rebuilt from the Job streams, it equals the one the handlers kept.
import path from 'node:path';
import { SqliteJobReadModel } from '../../src/adapters/local/sqlite-job-read-model';
import { rebuildJobViews } from '../../src/application/rebuild-job-views';
import { createJobsHarness } from '../support/jobs-harness';
import { seedCompleted, seedCreated, seedFailed } from '../support/seed-jobs';

describe('rebuilding job views from the event store', () => {
  it('gives the same views as the live projection, and skips unknown jobs', async () => {
    const h = createJobsHarness();
    const fresh = SqliteJobReadModel.open(path.join(h.dir, 'rebuilt.read.sqlite'));
    try {
      const ids = [
        await seedCompleted(h, 'RB01', '2026-11-25T09:00:00.000Z'),
        await seedFailed(h, 'RB02', '2026-11-25T09:01:00.000Z'),
        await seedCreated(h, 'RB03', '2026-11-25T09:02:00.000Z', 'user-2'),
      ];
      expect(await rebuildJobViews(h.file.store, fresh, [...ids, 'job_never'])).toBe(3);
      for (const id of ids) expect(await fresh.get(id)).toEqual(await h.readModel.get(id));
    } finally {
      fresh.close();
      h.close();
    }
  });
});
