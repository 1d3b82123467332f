// Whole journeys through the process manager with contract-valid events and the retry scheduler:
// a retry that succeeds, a job that fails after three attempts, and a probe tried again.
import { isEventName } from '@mediaflow/contracts';
import type { StoredEvent } from '@mediaflow/event-store';
import { createJobsHarness, type JobsHarness } from '../support/jobs-harness';
import { JOB_ID, manifest, uploadCompleted, videoInfo } from '../support/job-samples';

const failed = (attempt: number) => ({ jobId: JOB_ID, attempt, code: 'RUNNER_STALLED', reason: 'no progress for 60 s', retryable: true });
/** What the outbox puts on the bus: the registered (public) events, as publishPublicEvents selects them. */
const published = (events: StoredEvent[]) => events.filter((e) => isEventName(e.type));

describe('job journeys', () => {
  let h: JobsHarness;
  let info: jest.SpyInstance;
  beforeEach(async () => {
    h = createJobsHarness();
    // Handlers log through per-event child loggers: watch every Logger's info.
    info = jest.spyOn(Object.getPrototypeOf(h.logger) as { info: () => void }, 'info');
    await h.deliver('UploadCompleted', uploadCompleted());
    await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
  });
  afterEach(() => {
    info.mockRestore();
    h.close();
  });

  it('retries a retryable failure after its backoff and completes on attempt 2, publishing each fact once', async () => {
    await h.deliver('TranscodeStarted', { jobId: JOB_ID, attempt: 1, runnerId: 'r-1' });
    await h.deliver('TranscodeFailed', failed(1));
    expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'retry-scheduled', retry: { stage: 'transcode', attempt: 2, dueAt: '2026-11-25T12:00:10.000Z' } });

    h.setNow('2026-11-25T12:00:09.000Z');
    expect(await h.scheduler.runOnce()).toBe(0);
    h.setNow('2026-11-25T12:00:10.000Z');
    expect(await h.scheduler.runOnce()).toBe(1);
    expect(await h.scheduler.runOnce()).toBe(0);

    await h.deliver('TranscodeProgressed', { jobId: JOB_ID, attempt: 1, percent: 99 });
    await h.deliver('TranscodeStarted', { jobId: JOB_ID, attempt: 2, runnerId: 'r-2' });
    await h.deliver('TranscodeFinished', { jobId: JOB_ID, attempt: 2, manifest: manifest() });

    const events = await h.file.store.read(`job-${JOB_ID}`);
    expect(published(events).map((e) => [e.type, (e.data as { attempt?: number }).attempt])).toEqual([
      ['JobCreated', undefined],
      ['ProbeRequested', 1],
      ['JobValidated', undefined],
      ['TranscodeRequested', 1],
      ['TranscodeRequested', 2],
      ['JobCompleted', undefined],
    ]);
    const view = await h.readModel.get(JOB_ID);
    expect(view).toMatchObject({ status: 'completed', percent: 100, attempt: 2, manifest: manifest() });
    expect(view?.attempts.map((a) => [a.attempt, a.outcome])).toEqual([[1, 'failed'], [2, 'completed']]);
    expect(info).toHaveBeenCalledWith('job ended', expect.objectContaining({ jobOutcome: 'JobCompleted', jobId: JOB_ID }));
  });

  it('fails the job after the third attempt fails, with 10 s then 40 s between attempts', async () => {
    await h.deliver('TranscodeFailed', failed(1));
    h.setNow('2026-11-25T12:00:10.000Z');
    await h.scheduler.runOnce();
    await h.deliver('TranscodeFailed', failed(2));
    expect((await h.readModel.get(JOB_ID))?.retry?.dueAt).toBe('2026-11-25T12:00:50.000Z');
    h.setNow('2026-11-25T12:00:50.000Z');
    await h.scheduler.runOnce();
    await h.deliver('TranscodeFailed', failed(3));

    expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'failed', attempt: 3, error: { code: 'RUNNER_STALLED' } });
    const last = (await h.file.store.read(`job-${JOB_ID}`)).at(-1);
    expect(last).toMatchObject({ type: 'JobFailed', data: { jobId: JOB_ID, code: 'RUNNER_STALLED', attempts: 3 } });
    expect(info).toHaveBeenCalledWith('job ended', expect.objectContaining({ jobOutcome: 'JobFailed', attempts: 3 }));
    h.setNow('2026-11-25T13:00:00.000Z');
    expect(await h.scheduler.runOnce()).toBe(0);
  });

  it('ignores what processing reports after the job was cancelled', async () => {
    await h.deliver('TranscodeStarted', { jobId: JOB_ID, attempt: 1, runnerId: 'r-1' });
    await h.executor.execute({ type: 'CancelJob', jobId: JOB_ID, requestedBy: 'user-1' }, { context: { ownerId: 'user-1', correlationId: 'c', causationId: null } });
    await h.deliver('TranscodeFinished', { jobId: JOB_ID, attempt: 1, manifest: manifest() });
    expect((await h.eventTypes(JOB_ID)).at(-1)).toBe('JobCancelled');
    expect((await h.readModel.get(JOB_ID))?.status).toBe('cancelled');
  });
});

describe('probe retries', () => {
  it('asks for a new probe after a retryable ProbeFailed and goes on when it succeeds', async () => {
    const h = createJobsHarness();
    try {
      await h.deliver('UploadCompleted', uploadCompleted());
      await h.deliver('ProbeFailed', { jobId: JOB_ID, code: 'PROBE_TIMEOUT', reason: 'storage timed out', retryable: true });
      expect((await h.readModel.get(JOB_ID))?.status).toBe('retry-scheduled');
      h.setNow('2026-11-25T12:00:10.000Z');
      expect(await h.scheduler.runOnce()).toBe(1);
      expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'probing', probeAttempts: 2 });
      await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
      expect(await h.eventTypes(JOB_ID)).toEqual([
        'JobCreated',
        'JobSourceDescribed',
        'ProbeRequested',
        'JobProbeFailed',
        'JobRetryScheduled',
        'ProbeRequested',
        'JobProbed',
        'JobValidated',
        'TranscodeRequested',
      ]);
    } finally {
      h.close();
    }
  });
});

describe('retry scheduler loop', () => {
  it('runs due retries on its own once started, and stops', async () => {
    const h = createJobsHarness();
    try {
      await h.deliver('UploadCompleted', uploadCompleted());
      await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
      await h.deliver('TranscodeFailed', failed(1));
      h.setNow('2026-11-25T12:01:00.000Z');
      h.scheduler.start();
      for (let i = 0; i < 100 && (await h.readModel.get(JOB_ID))?.status !== 'queued'; i++) await new Promise((r) => setTimeout(r, 20));
      await h.scheduler.stop();
      expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'queued', attempt: 2 });
    } finally {
      h.close();
    }
  });
});
