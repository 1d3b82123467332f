// The ActiveTranscodes contract, run against each adapter (SQLite here, DynamoDB on the emulator).
import type { ActiveTranscodes } from '../../src/ports/active-transcodes';

export const describeActiveTranscodesContract = (
  name: string,
  make: () => Promise<ActiveTranscodes>,
): void => {
  describe(`ActiveTranscodes contract: ${name}`, () => {
    let index: ActiveTranscodes;
    beforeEach(async () => {
      index = await make();
    });

    it('lists nothing at first', async () => {
      expect(await index.list()).toEqual([]);
    });

    it('lists added jobs oldest first, with their time to the millisecond', async () => {
      await index.add('job_b', new Date(2000));
      await index.add('job_a', new Date(1000));
      expect(await index.list()).toEqual([
        { jobId: 'job_a', since: new Date(1000) },
        { jobId: 'job_b', since: new Date(2000) },
      ]);
    });

    it('refreshes the time of a job added again instead of listing it twice', async () => {
      await index.add('job_a', new Date(1000));
      await index.add('job_a', new Date(5000));
      expect(await index.list()).toEqual([{ jobId: 'job_a', since: new Date(5000) }]);
    });

    it('removes a job, and removing a missing one succeeds', async () => {
      await index.add('job_a', new Date(1000));
      await index.remove('job_a');
      await index.remove('job_never');
      expect(await index.list()).toEqual([]);
    });
  });
};
