// Issue 13, "one meaning per event", embedded: a job whose first transcode attempt fails (its runner is
// killed) is retried and completes, and the bus log holds each fact once — one JobCreated, one
// JobValidated, one JobCompleted — while the retry travels as TranscodeRequested {attempt: 2}.
import type { BusEnvelope } from '@mediaflow/contracts';
import { generateClip } from '@mediaflow/processing/testing';
import { embeddedPaths } from '@mediaflow/runtime/paths';
import { openSqliteDatabase } from '@mediaflow/sqlite';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { killFirstAttempt, publishedPerName, QUICK_RETRY_ENV } from '../src/fail-once';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

/** Everything published on the embedded bus so far, read from its log (a second connection, read only). */
const busLog = (dataDir: string): BusEnvelope[] => {
  const db = openSqliteDatabase(embeddedPaths(dataDir).bus);
  try {
    return db
      .prepare<[], { body: string }>('SELECT body FROM bus_events ORDER BY seq')
      .all()
      .map((row) => JSON.parse(row.body) as BusEnvelope);
  } finally {
    db.close();
  }
};

describe('embedded: a job that fails once and then succeeds', () => {
  let t: TestDeployment;
  beforeAll(async () => {
    t = await startTestDeployment(QUICK_RETRY_ENV);
  }, 60_000);
  afterAll(() => t?.stop());

  it('publishes one JobCreated, one JobValidated and one JobCompleted; the retry is a TranscodeRequested', async () => {
    const clip = await generateClip('long-landscape');
    const { jobId } = await t.owner.uploadFile(clip.path, 'video/mp4', 'sd');
    await killFirstAttempt(t.owner, jobId);

    const job = await t.owner.waitForJob(jobId, ['completed', 'failed'], 150_000);
    expect(job.status).toBe('completed');
    expect(job.attempts.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);

    const log = busLog(t.dataDir);
    expect(publishedPerName(log, jobId)).toMatchObject({
      JobCreated: 1,
      ProbeRequested: 1,
      JobValidated: 1,
      TranscodeRequested: 2,
      TranscodeFailed: 1,
      TranscodeFinished: 1,
      JobCompleted: 1,
    });
    const requests = log.filter(
      (e) =>
        e['detail-type'] === 'TranscodeRequested' && (e.detail.data as { jobId: string }).jobId === jobId,
    );
    expect(requests.map((e) => (e.detail.data as { attempt: number }).attempt)).toEqual([1, 2]);
  }, 240_000);
});
