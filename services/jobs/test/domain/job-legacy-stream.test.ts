// Job streams written before ProbeRequested/TranscodeRequested (issue 13) repeated JobCreated to ask for
// a new probe and JobValidated {attempt} for a new transcode. They are never rewritten: replayed today,
// the aggregate and the read model read each repeat as the request it stood for, and go on from there
// with the new events only.
import type { StoredEvent } from '@mediaflow/event-store';
import { foldEvents } from '@mediaflow/service-kit';
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { projectJobView } from '../../src/application/job-view-projection';
import { createJobDecider } from '../../src/domain/job-decider';
import type { JobEvent } from '../../src/domain/job-events';
import { JOB_ID, OWNER, UPLOAD_ID, manifest, plan } from '../support/job-samples';

const decider = createJobDecider({ maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 10 });
const given = DeciderSpecification.for(decider);
const jobId = JOB_ID;
const input = { key: 'k/source' };
const now = new Date('2026-11-25T12:00:00.000Z');

const jobCreated: JobEvent = { type: 'JobCreated', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default' } };
const described: JobEvent = { type: 'JobSourceDescribed', data: { jobId, ownerId: OWNER, filename: 'clip.mov', contentType: 'video/mp4', sizeBytes: 100 } };
const oldValidated = (attempt: number): JobEvent => ({ type: 'JobValidated', data: { jobId, plan: plan(), attempt } });
const probeFailed = (probeAttempt: number): JobEvent => ({ type: 'JobProbeFailed', data: { jobId, probeAttempt, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true } });
const scheduled = (stage: 'probe' | 'transcode', attempt: number): JobEvent => ({
  type: 'JobRetryScheduled',
  data: { jobId, stage, attempt, dueAt: '2026-11-25T11:00:10.000Z', delaySeconds: 10 },
});
const transcodeFailed = (attempt: number, retryable = true): JobEvent => ({ type: 'JobTranscodeFailed', data: { jobId, attempt, code: 'RUNNER_STALLED', reason: 'no progress', retryable } });
const started = (attempt: number): JobEvent => ({ type: 'JobTranscodeStarted', data: { jobId, attempt, runnerId: `r-${attempt}` } });
const jobFailed = (attempts: number, code = 'RUNNER_STALLED', reason = 'no progress'): JobEvent => ({ type: 'JobFailed', data: { jobId, code, reason, attempts } });

/** Written the old way: the probe retried by a second JobCreated, transcode attempt 2 by a second JobValidated. */
const oldStream: JobEvent[] = [
  jobCreated,
  described,
  probeFailed(1),
  scheduled('probe', 2),
  jobCreated,
  { type: 'JobProbed', data: { jobId, mediaInfo: { kind: 'image', container: 'png', sizeBytes: 10, image: { format: 'png', width: 10, height: 10 } } } },
  oldValidated(1),
  started(1),
  transcodeFailed(1),
  scheduled('transcode', 2),
  oldValidated(2),
  started(2),
];

describe('a Job stream written before ProbeRequested/TranscodeRequested', () => {
  it('folds a repeated JobCreated as probe attempt 2 and a repeated JobValidated as transcode attempt 2', () => {
    expect(foldEvents(decider, oldStream)).toMatchObject({ status: 'transcoding', probeAttempt: 2, attempt: 2, plan: plan(), retry: undefined });
  });

  it('completes on the attempt the old JobValidated asked for, and ignores the superseded one', () => {
    given(oldStream).when({ type: 'FinishTranscode', jobId, attempt: 2, manifest: manifest() }).then([{ type: 'JobCompleted', data: { jobId, manifest: manifest() } }]);
    given(oldStream).when({ type: 'RecordProgress', jobId, attempt: 1, percent: 50 }).thenNothingHappened();
  });

  it('counts the old attempts in the retry policy and goes on with TranscodeRequested', () => {
    given(oldStream)
      .when({ type: 'FailTranscode', jobId, attempt: 2, code: 'RUNNER_STALLED', reason: 'no progress', retryable: true, now })
      .then([transcodeFailed(2), { type: 'JobRetryScheduled', data: { jobId, stage: 'transcode', attempt: 3, dueAt: '2026-11-25T12:00:40.000Z', delaySeconds: 40 } }]);
    given([...oldStream, transcodeFailed(2, false), jobFailed(2)])
      .when({ type: 'RetryJob', jobId, requestedBy: OWNER })
      .then([
        { type: 'JobRetryRequested', data: { jobId, requestedBy: OWNER, stage: 'transcode', attempt: 3 } },
        { type: 'TranscodeRequested', data: { jobId, attempt: 3, plan: plan() } },
      ]);
  });

  it('counts the old repeated JobCreated as probe attempts: the third probe failure fails the job', () => {
    const probing = [jobCreated, described, probeFailed(1), scheduled('probe', 2), jobCreated, probeFailed(2), scheduled('probe', 3), jobCreated];
    expect(foldEvents(decider, probing)).toMatchObject({ status: 'probing', probeAttempt: 3 });
    given(probing)
      .when({ type: 'RecordProbeFailure', jobId, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true, now })
      .then([probeFailed(3), jobFailed(0, 'PROBE_TIMEOUT', 'timed out')]);
    given([...probing, probeFailed(3), jobFailed(0, 'PROBE_TIMEOUT', 'timed out')])
      .when({ type: 'RetryJob', jobId, requestedBy: OWNER })
      .then([
        { type: 'JobRetryRequested', data: { jobId, requestedBy: OWNER, stage: 'probe', attempt: 4 } },
        { type: 'ProbeRequested', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default', attempt: 4 } },
      ]);
  });
});

describe('the job view of a stream written the old way', () => {
  const minute = (n: number): string => new Date(now.getTime() + n * 60_000).toISOString();
  const stored = (events: readonly JobEvent[]): StoredEvent[] =>
    events.map((e, i) => ({
      streamId: `job-${jobId}`,
      streamVersion: i + 1,
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: { eventId: `evt-${i}`, version: 1, occurredAt: minute(i), correlationId: 'corr-1', causationId: null, ownerId: OWNER },
      storedAt: minute(i),
    }));

  it('equals the view of the same history written with requests', () => {
    const newStream: JobEvent[] = oldStream.flatMap((e, i): JobEvent[] => {
      if (i === 0) return [e]; // the first JobCreated stays the fact
      if (e.type === 'JobCreated') return [{ type: 'ProbeRequested', data: { ...e.data, attempt: 2 } }];
      if (e.type === 'JobValidated' && e.data.attempt === 2) return [{ type: 'TranscodeRequested', data: { jobId, attempt: 2, plan: plan() } }];
      return [e];
    });
    const oldView = projectJobView(stored(oldStream));
    expect(oldView).toEqual(projectJobView(stored(newStream)));
    expect(oldView).toMatchObject({ status: 'transcoding', probeAttempts: 2, attempt: 2 });
    expect(oldView?.attempts.map((a) => [a.attempt, a.outcome ?? 'running'])).toEqual([[1, 'failed'], [2, 'running']]);
  });
});
