// The process manager's handlers over the real SQLite store and read model: each incoming event runs
// one command on the Job stream, idempotently, and the read model follows.
import { JobValidatedV1Schema, TranscodeRequestedV1Schema } from '@mediaflow/contracts';
import { jobIdForUpload } from '../../src/domain/job-identity';
import { createJobsHarness, type JobsHarness } from '../support/jobs-harness';
import { JOB_ID, OWNER, uploadCompleted, videoInfo } from '../support/job-samples';

describe('job process manager', () => {
  let h: JobsHarness;
  beforeEach(() => {
    h = createJobsHarness();
  });
  afterEach(() => h.close());

  it('creates one job per upload, however often the upload completes', async () => {
    const eventId = await h.deliver('UploadCompleted', uploadCompleted());
    await h.deliver('UploadCompleted', uploadCompleted(), { eventId });
    await h.deliver('UploadCompleted', uploadCompleted());
    expect(jobIdForUpload(uploadCompleted().uploadId)).toBe(JOB_ID);
    expect(await h.eventTypes(JOB_ID)).toEqual(['JobCreated', 'JobSourceDescribed', 'ProbeRequested']);
    expect(await h.readModel.get(JOB_ID)).toMatchObject({
      status: 'created',
      ownerId: OWNER,
      source: { filename: 'holiday clip.mov', contentType: 'video/quicktime', sizeBytes: 48_213_504 },
    });
  });

  it('validates a probed video with a contract-valid plan from the shared planner, and requests attempt 1', async () => {
    await h.deliver('UploadCompleted', uploadCompleted());
    await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
    const [validated] = (await h.file.store.read(`job-${JOB_ID}`)).filter((e) => e.type === 'JobValidated');
    const data = JobValidatedV1Schema.parse(validated?.data);
    expect(data).toMatchObject({ jobId: JOB_ID, plan: { outputPrefix: `${OWNER}/${JOB_ID}` } });
    expect(data).not.toHaveProperty('attempt');
    const [requested] = (await h.file.store.read(`job-${JOB_ID}`)).filter((e) => e.type === 'TranscodeRequested');
    expect(TranscodeRequestedV1Schema.parse(requested?.data)).toEqual({ jobId: JOB_ID, attempt: 1, plan: data.plan });
    // Never upscale: a 1080p source gets no rung above 1080p.
    const rungs = data.plan.outputs.filter((o) => o.kind === 'hls-rendition');
    expect(rungs.map((r) => (r.kind === 'hls-rendition' ? r.height : 0))).toEqual([1080, 720, 480, 360]);
    expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'queued', attempt: 1, mediaInfo: videoInfo() });
  });

  it('rejects an input that breaks several rules with every reason', async () => {
    await h.deliver('UploadCompleted', uploadCompleted());
    const huge = videoInfo({ durationSeconds: 5 * 3600, video: { codec: 'h264', width: 7680, height: 4320, rotation: 0, frameRate: 30, variableFrameRate: false } });
    await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: huge });
    const view = await h.readModel.get(JOB_ID);
    expect(view?.status).toBe('rejected');
    expect(view?.rejection?.map((r) => r.code)).toEqual(['DURATION_TOO_LONG', 'RESOLUTION_TOO_HIGH']);
  });

  it('rejects a job asking for a profile that does not exist', async () => {
    await h.deliver('UploadCompleted', uploadCompleted({ profile: 'ultra' }));
    await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
    expect((await h.readModel.get(JOB_ID))?.rejection).toEqual([expect.objectContaining({ code: 'UNKNOWN_PROFILE' })]);
  });

  it('rejects a file the probe cannot read as MEDIA_UNSUPPORTED', async () => {
    await h.deliver('UploadCompleted', uploadCompleted());
    await h.deliver('ProbeFailed', { jobId: JOB_ID, code: 'NOT_MEDIA', reason: 'no media streams', retryable: false });
    expect(await h.readModel.get(JOB_ID)).toMatchObject({
      status: 'rejected',
      rejection: [{ code: 'MEDIA_UNSUPPORTED', message: 'no media streams [NOT_MEDIA]' }],
    });
  });

  it('shows progress of the running attempt and ignores a late report of lower progress', async () => {
    await h.deliver('UploadCompleted', uploadCompleted());
    await h.deliver('MediaProbed', { jobId: JOB_ID, mediaInfo: videoInfo() });
    await h.deliver('TranscodeStarted', { jobId: JOB_ID, attempt: 1, runnerId: 'pid-42' });
    await h.deliver('TranscodeProgressed', { jobId: JOB_ID, attempt: 1, percent: 55 });
    await h.deliver('TranscodeProgressed', { jobId: JOB_ID, attempt: 1, percent: 50 });
    expect(await h.readModel.get(JOB_ID)).toMatchObject({ status: 'transcoding', percent: 55, attempts: [{ attempt: 1, runnerId: 'pid-42' }] });
  });

  it('acknowledges an event about a job it never created, writing nothing', async () => {
    await expect(h.deliver('TranscodeStarted', { jobId: 'job_unknown', attempt: 1, runnerId: 'r' })).resolves.toEqual(expect.any(String));
    await expect(h.deliver('MediaProbed', { jobId: 'job_unknown', mediaInfo: videoInfo() })).resolves.toEqual(expect.any(String));
    expect(await h.eventTypes('job_unknown')).toEqual([]);
  });

  it('records the handled event in the inbox of jobs.<Event>', async () => {
    const eventId = await h.deliver('UploadCompleted', uploadCompleted());
    expect(await h.file.store.hasHandled('jobs.UploadCompleted', eventId)).toBe(true);
  });
});
