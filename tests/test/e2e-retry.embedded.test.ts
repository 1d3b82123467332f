// Issue 13, "one meaning per event", embedded: a job whose first transcode attempt fails (its runner is
// killed) is retried and completes, and the bus log holds each fact once — one JobCreated, one
// JobValidated, one JobCompleted — while the retry travels as TranscodeRequested {attempt: 2}.
import { busLog } from '../src/bus-log';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { publishedPerName, QUICK_RETRY_ENV, runJobThatFailsOnce } from '../src/fail-once';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

describe('embedded: a job that fails once and then succeeds', () => {
  let t: TestDeployment;
  beforeAll(async () => {
    t = await startTestDeployment(QUICK_RETRY_ENV);
  }, 60_000);
  afterAll(() => t?.stop());

  it('publishes one JobCreated, one JobValidated and one JobCompleted; the retry is a TranscodeRequested', async () => {
    const { jobId } = await runJobThatFailsOnce(t.owner);

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
