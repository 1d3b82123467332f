// The owner's retry of a failed job: given past events, when RetryJob, then a new probe or a new
// transcode attempt (or a typed error); and how the retry policy counts attempts after a retry.
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { foldEvents } from '@mediaflow/service-kit';
import { createJobDecider } from '../../src/domain/job-decider';
import { JobNotFound, JobNotRetryable } from '../../src/domain/job-errors';
import type { JobEvent } from '../../src/domain/job-events';
import { JOB_ID, OWNER, UPLOAD_ID, manifest, plan } from '../support/job-samples';

const decider = createJobDecider({ maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 10 });
const given = DeciderSpecification.for(decider);
const now = new Date('2026-11-25T12:00:00.000Z');
const jobId = JOB_ID;
const input = { key: 'k/source' };
const jobCreated: JobEvent = { type: 'JobCreated', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default' } };
const probeRequested = (attempt: number): JobEvent => ({ type: 'ProbeRequested', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default', attempt } });
const created: JobEvent[] = [
  jobCreated,
  { type: 'JobSourceDescribed', data: { jobId, ownerId: OWNER, filename: 'clip.mov', contentType: 'video/mp4', sizeBytes: 100 } },
  probeRequested(1),
];
const requested = (attempt: number): JobEvent => ({ type: 'TranscodeRequested', data: { jobId, attempt, plan: plan() } });
/** Validation as the decider records it: the fact once, and the request for attempt 1. */
const validated: JobEvent[] = [{ type: 'JobValidated', data: { jobId, plan: plan() } }, requested(1)];
const started = (attempt: number): JobEvent => ({ type: 'JobTranscodeStarted', data: { jobId, attempt, runnerId: `r-${attempt}` } });
const transcodeFailed = (attempt: number, retryable = true): JobEvent => ({
  type: 'JobTranscodeFailed',
  data: { jobId, attempt, code: 'RUNNER_STALLED', reason: 'no progress', retryable },
});
const jobFailed = (attempts: number, code = 'RUNNER_STALLED', reason = 'no progress'): JobEvent => ({ type: 'JobFailed', data: { jobId, code, reason, attempts } });
const scheduled = (stage: 'probe' | 'transcode', attempt: number, dueAt: string, delaySeconds: number): JobEvent => ({
  type: 'JobRetryScheduled',
  data: { jobId, stage, attempt, dueAt, delaySeconds },
});
const retryRequested = (stage: 'probe' | 'transcode', attempt: number): JobEvent => ({ type: 'JobRetryRequested', data: { jobId, requestedBy: OWNER, stage, attempt } });
const probeFailed = (probeAttempt: number): JobEvent => ({
  type: 'JobProbeFailed',
  data: { jobId, probeAttempt, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true },
});

/** Failed for good on attempt 1 (a permanent failure). */
const failedOnce: JobEvent[] = [...created, ...validated, started(1), transcodeFailed(1, false), jobFailed(1)];
/** Three retryable failures: the first round used up. */
const failedThrice: JobEvent[] = [
  ...created,
  ...validated,
  transcodeFailed(1),
  scheduled('transcode', 2, '2026-11-25T11:00:10.000Z', 10),
  requested(2),
  transcodeFailed(2),
  scheduled('transcode', 3, '2026-11-25T11:00:50.000Z', 40),
  requested(3),
  transcodeFailed(3),
  jobFailed(3),
];
/** Three probes failed transiently: failed with no plan. */
const failedProbing: JobEvent[] = [
  ...created,
  probeFailed(1),
  scheduled('probe', 2, '2026-11-25T11:00:10.000Z', 10),
  probeRequested(2),
  probeFailed(2),
  scheduled('probe', 3, '2026-11-25T11:00:50.000Z', 40),
  probeRequested(3),
  probeFailed(3),
  jobFailed(0, 'PROBE_TIMEOUT', 'timed out'),
];

const retry = { type: 'RetryJob', jobId, requestedBy: OWNER } as const;
const fail = (attempt: number, retryable = true) => ({ type: 'FailTranscode', jobId, attempt, code: 'RUNNER_STALLED', reason: 'no progress', retryable, now }) as const;
const stateAfter = (events: readonly JobEvent[]) => foldEvents(decider, events);

describe('Job aggregate: the owner retries a failed job', () => {
  it('requests a new transcode attempt, the next number (never JobValidated again), for a job that failed with a plan', () => {
    given(failedOnce).when(retry).then([retryRequested('transcode', 2), requested(2)]);
    given(failedThrice).when(retry).then([retryRequested('transcode', 4), requested(4)]);
  });

  it('probes again, requesting probe attempt 4 (never JobCreated again), for a job that failed probing', () => {
    given(failedProbing).when(retry).then([retryRequested('probe', 4), probeRequested(4)]);
  });

  it('puts the job back to queued or probing', () => {
    expect(stateAfter([...failedThrice, retryRequested('transcode', 4), requested(4)])).toMatchObject({ status: 'queued', attempt: 4, percent: 0 });
    expect(stateAfter([...failedProbing, retryRequested('probe', 4), probeRequested(4)])).toMatchObject({ status: 'probing', probeAttempt: 4 });
  });

  it.each<[string, JobEvent[]]>([
    ['created', created],
    ['probing', [...created, probeFailed(1), scheduled('probe', 2, '2026-11-25T11:00:10.000Z', 10), probeRequested(2)]],
    ['queued', [...created, ...validated]],
    ['transcoding', [...created, ...validated, started(1)]],
    ['retry-scheduled', [...created, ...validated, transcodeFailed(1), scheduled('transcode', 2, '2026-11-25T11:00:10.000Z', 10)]],
    ['completed', [...created, ...validated, started(1), { type: 'JobCompleted', data: { jobId, manifest: manifest() } }]],
    ['rejected', [...created, { type: 'JobRejected', data: { jobId, reasons: [{ code: 'DURATION_TOO_LONG', message: 'too long' }] } }]],
    ['cancelled', [...created, ...validated, { type: 'JobCancelled', data: { jobId } }]],
  ])('refuses to retry a %s job with JOB_NOT_RETRYABLE', (status, past) => {
    given(past).when(retry).thenThrows(JobNotRetryable, { code: 'JOB_NOT_RETRYABLE' });
    expect(() => decider.decide(retry, stateAfter(past))).toThrow(`job ${jobId} is ${status}: only a failed job can be retried`);
  });

  it('refuses a second retry once the first is under way', () => {
    given([...failedOnce, retryRequested('transcode', 2), requested(2)]).when(retry).thenThrows(JobNotRetryable, { code: 'JOB_NOT_RETRYABLE' });
  });

  it("answers another owner's retry, and a retry of no job, as if the job did not exist", () => {
    given(failedOnce).when({ ...retry, requestedBy: 'someone-else' }).thenThrows(JobNotFound, { code: 'JOB_NOT_FOUND' });
    given([]).when(retry).thenThrows(JobNotFound, { code: 'JOB_NOT_FOUND' });
  });

  it('refuses a retry past attempt 100, the highest the contracts carry', () => {
    const atTheCap = [...created, retryRequested('transcode', 100), requested(100), transcodeFailed(100, false), jobFailed(100)];
    given(atTheCap).when(retry).thenThrows(JobNotRetryable, { code: 'JOB_NOT_RETRYABLE' });
    expect(() => decider.decide(retry, stateAfter(atTheCap))).toThrow('all 100 transcode attempts are used');
  });
});

describe('Job aggregate: automatic retries after the owner retried', () => {
  const retriedAfterThree = [...failedThrice, retryRequested('transcode', 4), requested(4)];

  it('starts a new round: a retryable failure of the retried attempt is retried after 10 s, then 40 s', () => {
    given(retriedAfterThree).when(fail(4)).then([transcodeFailed(4), scheduled('transcode', 5, '2026-11-25T12:00:10.000Z', 10)]);
    const secondOfRound = [...retriedAfterThree, transcodeFailed(4), scheduled('transcode', 5, '2026-11-25T12:00:10.000Z', 10), requested(5)];
    given(secondOfRound).when(fail(5)).then([transcodeFailed(5), scheduled('transcode', 6, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('fails the job again, counting every attempt, once the round has used three attempts', () => {
    const lastOfRound = [
      ...retriedAfterThree,
      transcodeFailed(4),
      scheduled('transcode', 5, '2026-11-25T12:00:10.000Z', 10),
      requested(5),
      transcodeFailed(5),
      scheduled('transcode', 6, '2026-11-25T12:00:50.000Z', 40),
      requested(6),
    ];
    given(lastOfRound).when(fail(6)).then([transcodeFailed(6), jobFailed(6)]);
  });

  it('gives a job that failed for good on attempt 1 a whole round too', () => {
    const retried = [...failedOnce, retryRequested('transcode', 2), requested(2), transcodeFailed(2), scheduled('transcode', 3, '2026-11-25T12:00:10.000Z', 10), requested(3)];
    given(retried).when(fail(3)).then([transcodeFailed(3), scheduled('transcode', 4, '2026-11-25T12:00:40.000Z', 40)]);
  });

  it('fails at once on a permanent failure of the retried attempt', () => {
    given(retriedAfterThree).when(fail(4, false)).then([transcodeFailed(4, false), jobFailed(4)]);
  });

  it('schedules no attempt past 100, failing the job instead', () => {
    const atTheCap = [...created, retryRequested('transcode', 100), requested(100)];
    given(atTheCap).when(fail(100)).then([transcodeFailed(100), jobFailed(100)]);
  });

  it('retries a retried probe with the same backoff, and fails it after the round', () => {
    const reprobing = [...failedProbing, retryRequested('probe', 4), probeRequested(4)];
    const probeFailure = { type: 'RecordProbeFailure', jobId, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true, now } as const;
    given(reprobing).when(probeFailure).then([probeFailed(4), scheduled('probe', 5, '2026-11-25T12:00:10.000Z', 10)]);
    const lastOfRound = [...reprobing, probeFailed(4), scheduled('probe', 5, '2026-11-25T12:00:10.000Z', 10), probeRequested(5), probeFailed(5), scheduled('probe', 6, '2026-11-25T12:00:50.000Z', 40), probeRequested(6)];
    given(lastOfRound).when(probeFailure).then([probeFailed(6), jobFailed(0, 'PROBE_TIMEOUT', 'timed out')]);
  });
});
