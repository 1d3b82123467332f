// The Job aggregate while transcoding: attempts, progress, retries with backoff, completion, cancel.
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { createJobDecider } from '../../src/domain/job-decider';
import { JobAlreadyFinished, JobNotFound } from '../../src/domain/job-errors';
import type { JobEvent } from '../../src/domain/job-events';
import { JOB_ID, OWNER, UPLOAD_ID, manifest, plan } from '../support/job-samples';

const given = DeciderSpecification.for(createJobDecider({ maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 4 }));
const now = new Date('2026-11-25T12:00:00.000Z');
const jobId = JOB_ID;
const created: JobEvent[] = [
  { type: 'JobCreated', data: { jobId, uploadId: UPLOAD_ID, input: { key: 'k/source' }, profile: 'default' } },
  { type: 'JobSourceDescribed', data: { jobId, ownerId: OWNER, filename: 'clip.mov', contentType: 'video/mp4', sizeBytes: 100 } },
  { type: 'ProbeRequested', data: { jobId, uploadId: UPLOAD_ID, input: { key: 'k/source' }, profile: 'default', attempt: 1 } },
];
const requested = (attempt: number): JobEvent => ({ type: 'TranscodeRequested', data: { jobId, attempt, plan: plan() } });
/** Validated, at `attempt`: the fact once, then the request for that attempt. */
const validated = (attempt: number): JobEvent[] => [{ type: 'JobValidated', data: { jobId, plan: plan() } }, requested(attempt)];
const started = (attempt: number): JobEvent => ({ type: 'JobTranscodeStarted', data: { jobId, attempt, runnerId: `r-${attempt}` } });
const transcodeFailed = (attempt: number, retryable = true): JobEvent => ({
  type: 'JobTranscodeFailed',
  data: { jobId, attempt, code: 'RUNNER_STALLED', reason: 'no progress', retryable },
});
const retryScheduled = (attempt: number, dueAt: string, delaySeconds: number): JobEvent => ({
  type: 'JobRetryScheduled',
  data: { jobId, stage: 'transcode', attempt, dueAt, delaySeconds },
});
const running = (attempt = 1): JobEvent[] => [...created, ...validated(attempt), started(attempt)];
const fail = (attempt: number, retryable = true) =>
  ({ type: 'FailTranscode', jobId, attempt, code: 'RUNNER_STALLED', reason: 'no progress', retryable, now }) as const;
const completed: JobEvent = { type: 'JobCompleted', data: { jobId, manifest: manifest() } };

describe('Job aggregate: an attempt running', () => {
  it('records the start, then growing progress', () => {
    given([...created, ...validated(1)]).when({ type: 'StartTranscode', jobId, attempt: 1, runnerId: 'r-1' }).then([started(1)]);
    given([...created, ...validated(1)])
      .when({ type: 'StartTranscode', jobId, attempt: 1, runnerId: 'r-1', startedAt: '2026-11-25T12:00:01.000Z' })
      .then([{ type: 'JobTranscodeStarted', data: { jobId, attempt: 1, runnerId: 'r-1', startedAt: '2026-11-25T12:00:01.000Z' } }]);
    given(running())
      .when({ type: 'RecordProgress', jobId, attempt: 1, percent: 40 })
      .then([{ type: 'JobTranscodeProgressed', data: { jobId, attempt: 1, percent: 40 } }]);
  });

  it('ignores progress that goes backwards (a reordered report)', () => {
    const at40: JobEvent = { type: 'JobTranscodeProgressed', data: { jobId, attempt: 1, percent: 40 } };
    given([...running(), at40]).when({ type: 'RecordProgress', jobId, attempt: 1, percent: 35 }).thenNothingHappened();
  });

  it('completes the job with the manifest when the attempt finishes', () => {
    given(running()).when({ type: 'FinishTranscode', jobId, attempt: 1, manifest: manifest() }).then([completed]);
  });

  it("records the runner's own transcode time before completing, when the runner reported it", () => {
    given(running())
      .when({ type: 'FinishTranscode', jobId, attempt: 1, manifest: manifest(), transcodeSeconds: 2.5 })
      .then([{ type: 'JobTranscodeFinished', data: { jobId, attempt: 1, transcodeSeconds: 2.5 } }, completed]);
  });

  it('ignores reports about an older attempt', () => {
    const retried = [...running(1), transcodeFailed(1), retryScheduled(2, '2026-11-25T12:00:10.000Z', 10), requested(2)];
    given(retried).when({ type: 'RecordProgress', jobId, attempt: 1, percent: 90 }).thenNothingHappened();
    given(retried).when({ type: 'FinishTranscode', jobId, attempt: 1, manifest: manifest() }).thenNothingHappened();
    given(retried).when(fail(1)).thenNothingHappened();
  });

  it('ignores reports once the job completed', () => {
    given([...running(), completed]).when(fail(1)).thenNothingHappened();
    given([...running(), completed]).when({ type: 'FinishTranscode', jobId, attempt: 1, manifest: manifest() }).thenNothingHappened();
  });
});

describe('Job aggregate: retries', () => {
  it('schedules attempt 2 ten seconds after a retryable failure of attempt 1', () => {
    given(running(1)).when(fail(1)).then([transcodeFailed(1), retryScheduled(2, '2026-11-25T12:00:10.000Z', 10)]);
  });

  it('waits forty seconds before attempt 3', () => {
    given(running(2)).when(fail(2)).then([transcodeFailed(2), retryScheduled(3, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('fails the job after the third attempt fails', () => {
    given(running(3)).when(fail(3)).then([transcodeFailed(3), { type: 'JobFailed', data: { jobId, code: 'RUNNER_STALLED', reason: 'no progress', attempts: 3 } }]);
  });

  it('fails the job at once on a permanent failure', () => {
    given(running(1))
      .when(fail(1, false))
      .then([transcodeFailed(1, false), { type: 'JobFailed', data: { jobId, code: 'RUNNER_STALLED', reason: 'no progress', attempts: 1 } }]);
  });

  it('requests the next attempt with TranscodeRequested (never JobValidated again) once the retry is due', () => {
    const scheduled = [...running(1), transcodeFailed(1), retryScheduled(2, '2026-11-25T12:00:10.000Z', 10)];
    given(scheduled).when({ type: 'RunDueRetry', jobId, stage: 'transcode', attempt: 2, now: new Date('2026-11-25T12:00:10Z') }).then([requested(2)]);
  });

  it('does not run a retry before it is due, twice, or for another attempt', () => {
    const scheduled = [...running(1), transcodeFailed(1), retryScheduled(2, '2026-11-25T12:00:10.000Z', 10)];
    const due = new Date('2026-11-25T12:01:00Z');
    given(scheduled).when({ type: 'RunDueRetry', jobId, stage: 'transcode', attempt: 2, now: new Date('2026-11-25T12:00:09Z') }).thenNothingHappened();
    given([...scheduled, requested(2)]).when({ type: 'RunDueRetry', jobId, stage: 'transcode', attempt: 2, now: due }).thenNothingHappened();
    given(scheduled).when({ type: 'RunDueRetry', jobId, stage: 'transcode', attempt: 3, now: due }).thenNothingHappened();
  });
});

describe('Job aggregate: retries of attempts the platform interrupted', () => {
  // maxAttempts 3, maxInterruptedAttempts 4: RUNNER_NOT_STARTED (queued when the process was killed) did no
  // work; RUNNER_HOST_RESTARTED (running when the process was killed) was not the media's fault.
  const HOST_RESTARTED = 'RUNNER_HOST_RESTARTED';
  const NOT_STARTED = 'RUNNER_NOT_STARTED';
  const failedWith = (attempt: number, code: string): JobEvent => ({
    type: 'JobTranscodeFailed',
    data: { jobId, attempt, code, reason: 'it broke', retryable: true },
  });
  /** Attempts 1..n failed with these codes (each retried), then attempt n+1 dispatched. */
  const after = (...codes: string[]): JobEvent[] => [
    ...created,
    ...validated(1),
    ...codes.flatMap((code, i) => [started(i + 1), failedWith(i + 1, code), retryScheduled(i + 2, '2026-11-25T11:00:00.000Z', 10), requested(i + 2)]),
    started(codes.length + 1),
  ];
  const failAs = (attempt: number, code: string) => ({ type: 'FailTranscode', jobId, attempt, code, reason: 'it broke', retryable: true, now }) as const;
  const jobFailed = (code: string, attempts: number): JobEvent => ({ type: 'JobFailed', data: { jobId, code, reason: 'it broke', attempts } });

  it('retries the third attempt when one before it never began (the backoff still grows with every attempt)', () => {
    given(after('RUNNER_STALLED', NOT_STARTED))
      .when(failAs(3, 'RUNNER_LOST'))
      .then([failedWith(3, 'RUNNER_LOST'), retryScheduled(4, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('still fails the job once three attempts that ran have failed', () => {
    given(after('RUNNER_STALLED', NOT_STARTED, NOT_STARTED, 'RUNNER_LOST'))
      .when(failAs(5, 'RUNNER_STALLED'))
      .then([failedWith(5, 'RUNNER_STALLED'), jobFailed('RUNNER_STALLED', 5)]);
  });

  it('retries attempts that never began beyond maxAttempts, up to their own cap', () => {
    given(after(NOT_STARTED, NOT_STARTED)).when(failAs(3, NOT_STARTED)).then([failedWith(3, NOT_STARTED), retryScheduled(4, '2026-11-25T12:00:40.000Z', 40)]);
    given(after(NOT_STARTED, 'RUNNER_LOST', NOT_STARTED, 'RUNNER_LOST'))
      .when(failAs(5, NOT_STARTED))
      .then([failedWith(5, NOT_STARTED), retryScheduled(6, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('fails the job when more attempts than the cap never began (a crash loop ends)', () => {
    given(after(NOT_STARTED, NOT_STARTED, NOT_STARTED)).when(failAs(4, NOT_STARTED)).then([failedWith(4, NOT_STARTED), jobFailed(NOT_STARTED, 4)]);
  });

  it("retries attempts whose host process restarted beyond maxAttempts: that was not the media's fault", () => {
    given(after(HOST_RESTARTED, 'RUNNER_LOST', HOST_RESTARTED))
      .when(failAs(4, HOST_RESTARTED))
      .then([failedWith(4, HOST_RESTARTED), retryScheduled(5, '2026-11-25T12:00:40.000Z', 40)]);
    given(after(HOST_RESTARTED, 'RUNNER_STALLED', HOST_RESTARTED, HOST_RESTARTED))
      .when(failAs(5, 'RUNNER_LOST'))
      .then([failedWith(5, 'RUNNER_LOST'), retryScheduled(6, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('retries an attempt stopped under its runner (a graceful stop of the process) beyond maxAttempts too', () => {
    given(after('RUNNER_LOST', 'RUNNER_INTERRUPTED', 'RUNNER_STALLED'))
      .when(failAs(4, 'RUNNER_INTERRUPTED'))
      .then([failedWith(4, 'RUNNER_INTERRUPTED'), retryScheduled(5, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('caps host restarts and never-began attempts together (a crash loop ends)', () => {
    given(after(NOT_STARTED, HOST_RESTARTED, NOT_STARTED))
      .when(failAs(4, HOST_RESTARTED))
      .then([failedWith(4, HOST_RESTARTED), jobFailed(HOST_RESTARTED, 4)]);
  });

  it('counts a host restart that is not retryable as a failed attempt', () => {
    const permanent = { ...failAs(2, HOST_RESTARTED), retryable: false };
    given(after(HOST_RESTARTED))
      .when(permanent)
      .then([{ type: 'JobTranscodeFailed', data: { jobId, attempt: 2, code: HOST_RESTARTED, reason: 'it broke', retryable: false } }, jobFailed(HOST_RESTARTED, 2)]);
  });

  it("counts them again from zero in the owner's retry round", () => {
    const failedRound = [...after(NOT_STARTED, NOT_STARTED, NOT_STARTED), failedWith(4, NOT_STARTED), jobFailed(NOT_STARTED, 4)];
    const retried: JobEvent[] = [
      ...failedRound,
      { type: 'JobRetryRequested', data: { jobId, requestedBy: OWNER, stage: 'transcode', attempt: 5 } },
      requested(5),
      started(5),
    ];
    given(retried).when(failAs(5, NOT_STARTED)).then([failedWith(5, NOT_STARTED), retryScheduled(6, '2026-11-25T12:00:10.000Z', 10)]);
  });
});

describe('Job aggregate: cancel', () => {
  const cancel = { type: 'CancelJob', jobId, requestedBy: OWNER } as const;

  it('cancels a running job', () => {
    given(running()).when(cancel).then([{ type: 'JobCancelled', data: { jobId } }]);
  });

  it('cancels a job waiting for its retry, keeping the reason given', () => {
    const scheduled = [...running(1), transcodeFailed(1), retryScheduled(2, '2026-11-25T12:00:10.000Z', 10)];
    given(scheduled).when({ ...cancel, reason: 'not needed' }).then([{ type: 'JobCancelled', data: { jobId, reason: 'not needed' } }]);
  });

  it('refuses to cancel a finished job with JOB_ALREADY_FINISHED', () => {
    given([...running(), completed]).when(cancel).thenThrows(JobAlreadyFinished, { code: 'JOB_ALREADY_FINISHED' });
  });

  it('answers a cancel by another owner as if the job did not exist', () => {
    given(running()).when({ ...cancel, requestedBy: 'someone-else' }).thenThrows(JobNotFound, { code: 'JOB_NOT_FOUND' });
  });

  it('cancels only once, and ignores what processing reports afterwards', () => {
    const cancelled = [...running(), { type: 'JobCancelled', data: { jobId } } as JobEvent];
    given(cancelled).when(cancel).thenNothingHappened();
    given(cancelled).when({ type: 'FinishTranscode', jobId, attempt: 1, manifest: manifest() }).thenNothingHappened();
    given(cancelled).when(fail(1)).thenNothingHappened();
    given(cancelled).when({ type: 'RunDueRetry', jobId, stage: 'transcode', attempt: 2, now }).thenNothingHappened();
  });
});
