// The read side after an owner's retry: the job view (projectJobView) leaves `failed` for queued or
// probing, drops the old error and end, and lists the new attempt; the history summarises the retry.
import type { StoredEvent } from '@mediaflow/event-store';
import { summarizeJobEvent } from '../../src/application/job-event-summary';
import { projectJobView } from '../../src/application/job-view-projection';
import type { JobEvent } from '../../src/domain/job-events';
import { JOB_ID, OWNER, UPLOAD_ID, manifest, plan } from '../support/job-samples';

const jobId = JOB_ID;
const minute = (n: number): string => new Date(Date.parse('2026-11-25T12:00:00.000Z') + n * 60_000).toISOString();

/** Event i happens at minute i. */
const stream = (events: readonly JobEvent[]): StoredEvent[] =>
  events.map((e, i) => ({
    streamId: `job-${jobId}`,
    streamVersion: i + 1,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: { eventId: `evt-${i}`, version: 1, occurredAt: minute(i), correlationId: 'corr-1', causationId: null, ownerId: OWNER },
    storedAt: minute(i),
  }));

const jobCreated: JobEvent = { type: 'JobCreated', data: { jobId, uploadId: UPLOAD_ID, input: { key: 'k/source' }, profile: 'default' } };
const created: JobEvent[] = [jobCreated, { type: 'JobSourceDescribed', data: { jobId, ownerId: OWNER, filename: 'clip.mov', contentType: 'video/mp4', sizeBytes: 100 } }];
const validated = (attempt: number): JobEvent => ({ type: 'JobValidated', data: { jobId, plan: plan(), attempt } });
const transcodeFailed = (attempt: number): JobEvent => ({ type: 'JobTranscodeFailed', data: { jobId, attempt, code: 'CORRUPT_MEDIA', reason: 'broken frames', retryable: false } });
const jobFailed = (attempts: number, code = 'CORRUPT_MEDIA', reason = 'broken frames'): JobEvent => ({ type: 'JobFailed', data: { jobId, code, reason, attempts } });
const retryRequested = (stage: 'probe' | 'transcode', attempt: number): JobEvent => ({ type: 'JobRetryRequested', data: { jobId, requestedBy: OWNER, stage, attempt } });
const probeFailed: JobEvent = { type: 'JobProbeFailed', data: { jobId, probeAttempt: 1, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true } };

// versions 1..6: created, described, validated 1 (minute 2), started, failed (minute 4), JobFailed (minute 5)
const failed: JobEvent[] = [...created, validated(1), { type: 'JobTranscodeStarted', data: { jobId, attempt: 1, runnerId: 'r-1' } }, transcodeFailed(1), jobFailed(1)];

describe('job view after an owner retry', () => {
  it('shows the failed job with its error and end before the retry', () => {
    expect(projectJobView(stream(failed))).toMatchObject({ status: 'failed', error: { code: 'CORRUPT_MEDIA' }, endedAt: minute(5) });
  });

  it('queues the new attempt: status queued, no error, no end, the attempt listed', () => {
    const view = projectJobView(stream([...failed, retryRequested('transcode', 2), validated(2)]));
    expect(view).toMatchObject({ status: 'queued', attempt: 2, percent: 0, version: 8, updatedAt: minute(7) });
    expect(view).not.toHaveProperty('error');
    expect(view).not.toHaveProperty('endedAt');
    expect(view?.attempts).toEqual([
      { attempt: 1, queuedAt: minute(2), runnerId: 'r-1', startedAt: minute(3), endedAt: minute(4), outcome: 'failed', error: { code: 'CORRUPT_MEDIA', reason: 'broken frames', retryable: false } },
      { attempt: 2, queuedAt: minute(7) },
    ]);
  });

  it('shows a job that failed probing as probing again, with one more probe counted', () => {
    const view = projectJobView(stream([...created, probeFailed, jobFailed(0, 'PROBE_TIMEOUT', 'timed out'), retryRequested('probe', 2), jobCreated]));
    expect(view).toMatchObject({ status: 'probing', probeAttempts: 2, attempts: [] });
    expect(view).not.toHaveProperty('error');
    expect(view).not.toHaveProperty('endedAt');
  });

  it('ends the job again, at the new end and with the new error, when the retried attempt fails', () => {
    const again = [...failed, retryRequested('transcode', 2), validated(2), transcodeFailed(2), jobFailed(2, 'RUNNER_STALLED', 'no progress')];
    expect(projectJobView(stream(again))).toMatchObject({ status: 'failed', attempt: 2, error: { code: 'RUNNER_STALLED', reason: 'no progress' }, endedAt: minute(9) });
  });

  it('completes the job when the retried attempt finishes', () => {
    const done = [...failed, retryRequested('transcode', 2), validated(2), { type: 'JobCompleted', data: { jobId, manifest: manifest() } } as JobEvent];
    const view = projectJobView(stream(done));
    expect(view).toMatchObject({ status: 'completed', percent: 100, completedAt: minute(8), endedAt: minute(8) });
    expect(view?.attempts.map((a) => [a.attempt, a.outcome])).toEqual([[1, 'failed'], [2, 'completed']]);
  });
});

describe('job history after an owner retry', () => {
  it('summarises the retry: who asked, and the stage and attempt it started', () => {
    expect(summarizeJobEvent(retryRequested('transcode', 2))).toEqual({ requestedBy: OWNER, stage: 'transcode', attempt: 2 });
    expect(summarizeJobEvent(retryRequested('probe', 4))).toEqual({ requestedBy: OWNER, stage: 'probe', attempt: 4 });
  });
});

describe('job view of a finished attempt', () => {
  it("shows the runner's own transcode time on the attempt, and in the history", () => {
    const finished: JobEvent = { type: 'JobTranscodeFinished', data: { jobId, attempt: 1, transcodeSeconds: 3.25 } };
    const started: JobEvent = { type: 'JobTranscodeStarted', data: { jobId, attempt: 1, runnerId: 'r-1' } };
    const view = projectJobView(stream([...created, validated(1), started, finished, { type: 'JobCompleted', data: { jobId, manifest: manifest() } }]));
    expect(view?.attempts).toEqual([{ attempt: 1, queuedAt: minute(2), runnerId: 'r-1', startedAt: minute(3), transcodeSeconds: 3.25, endedAt: minute(5), outcome: 'completed' }]);
    expect(summarizeJobEvent(finished)).toEqual({ attempt: 1, transcodeSeconds: 3.25 });
  });
});

describe('job view of a started attempt', () => {
  it("dates the start when processing recorded the runner's begin, not when jobs heard of it", () => {
    const began = '2026-11-25T12:02:30.000Z'; // between JobValidated (minute 2) and jobs' record (minute 3)
    const started: JobEvent = { type: 'JobTranscodeStarted', data: { jobId, attempt: 1, runnerId: 'r-1', startedAt: began } };
    const view = projectJobView(stream([...created, validated(1), started]));
    expect(view?.attempts).toEqual([{ attempt: 1, queuedAt: minute(2), runnerId: 'r-1', startedAt: began }]);
  });
});
