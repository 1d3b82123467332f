// The UploadDeadlines contract, run against SQLite (embedded) and DynamoDB (emulator).
import type { UploadDeadlines } from '../ports/upload-deadlines';

interface UploadDeadlinesUnderTest {
  readonly deadlines: UploadDeadlines;
  dispose(): Promise<void>;
}

const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 25, 10, minutes));

export const describeUploadDeadlinesContract = (
  name: string,
  make: () => Promise<UploadDeadlinesUnderTest>,
): void => {
  describe(`UploadDeadlines contract: ${name}`, () => {
    let subject: UploadDeadlinesUnderTest;
    beforeEach(async () => {
      subject = await make();
    });
    afterEach(() => subject.dispose());

    it('lists only what is due, earliest first, up to the limit', async () => {
      const { deadlines } = subject;
      await deadlines.schedule({ uploadId: 'up_c', ownerId: 'o', expiresAt: at(30) });
      await deadlines.schedule({ uploadId: 'up_a', ownerId: 'o', expiresAt: at(10) });
      await deadlines.schedule({ uploadId: 'up_b', ownerId: 'p', expiresAt: at(20) });
      expect(await deadlines.due(at(5), 10)).toEqual([]);
      expect(await deadlines.due(at(20), 10)).toEqual([
        { uploadId: 'up_a', ownerId: 'o', expiresAt: at(10) },
        { uploadId: 'up_b', ownerId: 'p', expiresAt: at(20) },
      ]);
      expect((await deadlines.due(at(60), 2)).map((d) => d.uploadId)).toEqual(['up_a', 'up_b']);
    });

    it('replaces a rescheduled deadline and forgets a cleared one (clearing twice succeeds)', async () => {
      const { deadlines } = subject;
      await deadlines.schedule({ uploadId: 'up_a', ownerId: 'o', expiresAt: at(10) });
      await deadlines.schedule({ uploadId: 'up_a', ownerId: 'o', expiresAt: at(40) });
      expect(await deadlines.due(at(20), 10)).toEqual([]);
      await deadlines.clear('up_a');
      await deadlines.clear('up_a');
      expect(await deadlines.due(at(60), 10)).toEqual([]);
    });
  });
};
