// The Job aggregate, given past events, when a command, then new events (or a typed error).
import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { createJobDecider } from '../../src/domain/job-decider';
import { JobNotFound } from '../../src/domain/job-errors';
import type { JobEvent } from '../../src/domain/job-events';
import { JOB_ID, OWNER, UPLOAD_ID, plan, videoInfo } from '../support/job-samples';

const given = DeciderSpecification.for(createJobDecider({ maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 10 }));
const now = new Date('2026-11-25T12:00:00.000Z');
const jobId = JOB_ID;
const input = { key: `user-1/${UPLOAD_ID}/source` };
const source = { ownerId: OWNER, filename: 'clip.mov', contentType: 'video/quicktime', sizeBytes: 100 };

const probeRequested = (attempt: number): JobEvent => ({ type: 'ProbeRequested', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default', attempt } });
const created: JobEvent[] = [
  { type: 'JobCreated', data: { jobId, uploadId: UPLOAD_ID, input, profile: 'default' } },
  { type: 'JobSourceDescribed', data: { jobId, ...source } },
  probeRequested(1),
];
/** The fact, once, and the request for the first transcode attempt. */
const validated: JobEvent[] = [
  { type: 'JobValidated', data: { jobId, plan: plan() } },
  { type: 'TranscodeRequested', data: { jobId, attempt: 1, plan: plan() } },
];

describe('Job aggregate: creation and validation', () => {
  it('creates a job for a completed upload and requests its first probe', () => {
    given([]).when({ type: 'CreateJob', jobId, uploadId: UPLOAD_ID, input, profile: 'default', source }).then(created);
  });

  it('creates no second job when the upload completes again', () => {
    given(created).when({ type: 'CreateJob', jobId, uploadId: UPLOAD_ID, input, profile: 'default', source }).thenNothingHappened();
  });

  it('validates a probed job with the plan (no attempt in the fact) and requests transcode attempt 1', () => {
    const mediaInfo = videoInfo();
    given(created)
      .when({ type: 'RecordProbe', jobId, mediaInfo, verdict: { accepted: true, plan: plan() } })
      .then([{ type: 'JobProbed', data: { jobId, mediaInfo } }, ...validated]);
  });

  it('rejects a probed job with every reason the policy gave', () => {
    const reasons = [
      { code: 'DURATION_TOO_LONG', message: 'too long' },
      { code: 'RESOLUTION_TOO_HIGH', message: 'too big' },
    ];
    given(created)
      .when({ type: 'RecordProbe', jobId, mediaInfo: videoInfo(), verdict: { accepted: false, reasons } })
      .then([{ type: 'JobProbed', data: { jobId, mediaInfo: videoInfo() } }, { type: 'JobRejected', data: { jobId, reasons } }]);
  });

  it('ignores a second probe result once the job is validated', () => {
    given([...created, ...validated]).when({ type: 'RecordProbe', jobId, mediaInfo: videoInfo(), verdict: { accepted: true, plan: plan() } }).thenNothingHappened();
  });

  it('refuses commands for a job that does not exist', () => {
    given([]).when({ type: 'StartTranscode', jobId, attempt: 1, runnerId: 'r' }).thenThrows(JobNotFound, { code: 'JOB_NOT_FOUND' });
  });
});

describe('Job aggregate: probe failures', () => {
  const probeFailure = (retryable: boolean) => ({ type: 'RecordProbeFailure', jobId, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable, now }) as const;

  it('rejects the input as MEDIA_UNSUPPORTED when the probe failed for good', () => {
    given(created)
      .when({ type: 'RecordProbeFailure', jobId, code: 'CORRUPT_MEDIA', reason: 'moov atom not found', retryable: false, now })
      .then([
        { type: 'JobProbeFailed', data: { jobId, probeAttempt: 1, code: 'CORRUPT_MEDIA', reason: 'moov atom not found', retryable: false } },
        { type: 'JobRejected', data: { jobId, reasons: [{ code: 'MEDIA_UNSUPPORTED', message: 'moov atom not found [CORRUPT_MEDIA]' }] } },
      ]);
  });

  it('schedules a new probe after a retryable probe failure', () => {
    given(created)
      .when(probeFailure(true))
      .then([
        { type: 'JobProbeFailed', data: { jobId, probeAttempt: 1, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true } },
        { type: 'JobRetryScheduled', data: { jobId, stage: 'probe', attempt: 2, dueAt: '2026-11-25T12:00:10.000Z', delaySeconds: 10 } },
      ]);
  });

  it('requests probe attempt 2 (never JobCreated again) when the probe retry is due', () => {
    const scheduled: JobEvent = { type: 'JobRetryScheduled', data: { jobId, stage: 'probe', attempt: 2, dueAt: '2026-11-25T12:00:10.000Z', delaySeconds: 10 } };
    given([...created, scheduled])
      .when({ type: 'RunDueRetry', jobId, stage: 'probe', attempt: 2, now: new Date('2026-11-25T12:00:11Z') })
      .then([probeRequested(2)]);
  });

  it('fails the job with 0 transcode attempts after the third retryable probe failure', () => {
    given([...created, probeRequested(2), probeRequested(3)])
      .when(probeFailure(true))
      .then([
        { type: 'JobProbeFailed', data: { jobId, probeAttempt: 3, code: 'PROBE_TIMEOUT', reason: 'timed out', retryable: true } },
        { type: 'JobFailed', data: { jobId, code: 'PROBE_TIMEOUT', reason: 'timed out', attempts: 0 } },
      ]);
  });
});
