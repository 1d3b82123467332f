// POST /v1/jobs/{id}/retry over HTTP with real adapters: 202 and the new attempt (or probe) in the store,
// the job and its history afterwards, automatic retries after it, 409 for any status but failed,
// 404 for another owner's job, and bad requests.
import { startJobsHttp, type JobsHttp } from '../support/jobs-http';
import { manifest } from '../support/job-samples';
import { seedCompleted, seedCreated, seedFailed, seedProbeFailed } from '../support/seed-jobs';

describe('POST /v1/jobs/{id}/retry', () => {
  let api: JobsHttp;
  let token: string;
  beforeAll(async () => {
    api = await startJobsHttp();
    token = await api.token('user-1');
  });
  afterAll(() => api.close());

  const retry = (jobId: string, body?: unknown, as = token) => api.call('POST', `/v1/jobs/${jobId}/retry`, as, body);
  const streamOf = (jobId: string) => api.h.file.store.read(`job-${jobId}`);

  it('runs a new attempt of a job that failed transcoding: 202, Location, and TranscodeRequested {attempt: 2} from the request', async () => {
    const jobId = await seedFailed(api.h, 'RETRY001', '2026-11-25T12:00:00.000Z');
    api.h.setNow('2026-11-25T13:00:00.000Z');
    const { status, headers, body } = await retry(jobId);
    expect(status).toBe(202);
    expect(headers.get('location')).toBe(`/v1/jobs/${jobId}`);
    expect(body).toBe('');
    const [requested, transcode] = (await streamOf(jobId)).slice(-2);
    const metadata = { ownerId: 'user-1', correlationId: 'http-test-1', causationId: null, occurredAt: '2026-11-25T13:00:00.000Z' };
    expect(requested).toMatchObject({ type: 'JobRetryRequested', data: { jobId, requestedBy: 'user-1', stage: 'transcode', attempt: 2 }, metadata });
    expect(transcode).toMatchObject({ type: 'TranscodeRequested', data: { jobId, attempt: 2, plan: { outputPrefix: `user-1/${jobId}` } }, metadata });
    // JobValidated is a fact: still once in the stream.
    expect((await streamOf(jobId)).filter((e) => e.type === 'JobValidated')).toHaveLength(1);
  });

  it('shows the retried job queued, without the old error, and the retry in its history', async () => {
    const jobId = await seedFailed(api.h, 'RETRY002', '2026-11-25T12:00:00.000Z');
    expect((await retry(jobId)).status).toBe(202);
    const job = (await api.call('GET', `/v1/jobs/${jobId}`, token)).body;
    expect(job).toMatchObject({ status: 'queued', attempt: 2, percent: 0 });
    expect(job).not.toHaveProperty('error');
    expect(job).not.toHaveProperty('endedAt');
    expect(job.attempts.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([[1, 'failed'], [2, 'queued']]);
    const listed = (await api.call('GET', '/v1/jobs?status=queued', token)).body.items;
    expect(listed.map((j: { jobId: string }) => j.jobId)).toContain(jobId);

    const history = (await api.call('GET', `/v1/jobs/${jobId}/events`, token)).body.events;
    expect(history.slice(-3).map((e: { type: string }) => e.type)).toEqual(['JobFailed', 'JobRetryRequested', 'TranscodeRequested']);
    expect(history.at(-2).summary).toEqual({ requestedBy: 'user-1', stage: 'transcode', attempt: 2 });
  });

  it('answers a second retry while the first is queued with 409 JOB_NOT_RETRYABLE, writing nothing', async () => {
    const jobId = await seedFailed(api.h, 'RETRY003', '2026-11-25T12:00:00.000Z');
    expect((await retry(jobId)).status).toBe(202);
    const before = (await streamOf(jobId)).length;
    const { status, headers, body } = await retry(jobId);
    expect(status).toBe(409);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 409, code: 'JOB_NOT_RETRYABLE', title: 'Job not retryable', detail: `job ${jobId} is queued: only a failed job can be retried` });
    expect(await streamOf(jobId)).toHaveLength(before);
  });

  it('probes a job again that failed probing: ProbeRequested (not JobCreated again), the job probing', async () => {
    const jobId = await seedProbeFailed(api.h, 'RETRY004', '2026-11-25T12:00:00.000Z');
    expect((await api.call('GET', `/v1/jobs/${jobId}`, token)).body).toMatchObject({ status: 'failed', error: { code: 'PROBE_TIMEOUT' } });
    expect((await retry(jobId)).status).toBe(202);
    expect((await streamOf(jobId)).slice(-2)).toMatchObject([
      { type: 'JobRetryRequested', data: { stage: 'probe', attempt: 4 } },
      { type: 'ProbeRequested', data: { jobId, profile: 'default', attempt: 4 } },
    ]);
    expect((await streamOf(jobId)).filter((e) => e.type === 'JobCreated')).toHaveLength(1);
    const job = (await api.call('GET', `/v1/jobs/${jobId}`, token)).body;
    expect(job).toMatchObject({ status: 'probing', attempt: 0 });
    expect(job).not.toHaveProperty('error');
  });

  it('retries a retryable failure of the retried attempt after its backoff, and completes', async () => {
    const jobId = await seedFailed(api.h, 'RETRY005', '2026-11-25T12:00:00.000Z');
    // An empty JSON object is accepted as "no options", as some clients send one with every POST.
    expect((await retry(jobId, {})).status).toBe(202);
    await api.h.deliver('TranscodeFailed', { jobId, attempt: 2, code: 'RUNNER_STALLED', reason: 'no progress', retryable: true });
    expect((await api.call('GET', `/v1/jobs/${jobId}`, token)).body).toMatchObject({ status: 'retry-scheduled', retry: { stage: 'transcode', attempt: 3, dueAt: '2026-11-25T12:00:10.000Z' } });
    api.h.setNow('2026-11-25T12:00:10.000Z');
    expect(await api.h.scheduler.runOnce()).toBe(1);
    await api.h.deliver('TranscodeStarted', { jobId, attempt: 3, runnerId: 'r-3' });
    await api.h.deliver('TranscodeFinished', { jobId, attempt: 3, manifest: manifest(jobId) });
    const job = (await api.call('GET', `/v1/jobs/${jobId}`, token)).body;
    expect(job).toMatchObject({ status: 'completed', attempt: 3, endedAt: '2026-11-25T12:00:10.000Z' });
    expect(job.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'failed', 'completed']);
  });

  it.each([
    ['completed', () => seedCompleted(api.h, 'RETRY201', '2026-11-25T12:00:00.000Z')],
    ['created', () => seedCreated(api.h, 'RETRY202', '2026-11-25T12:00:00.000Z')],
  ])('refuses to retry a %s job with 409, naming its status', async (jobStatus, seed) => {
    const jobId = await seed();
    const { status, body } = await retry(jobId);
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'JOB_NOT_RETRYABLE', detail: `job ${jobId} is ${jobStatus}: only a failed job can be retried` });
  });

  it("answers 404 to retrying another owner's failed job or an unknown one, writing nothing", async () => {
    const jobId = await seedFailed(api.h, 'RETRY006', '2026-11-25T12:00:00.000Z', 'user-2');
    const before = (await streamOf(jobId)).length;
    for (const answer of [await retry(jobId), await retry('job_unknown')]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'JOB_NOT_FOUND' });
    }
    expect(await streamOf(jobId)).toHaveLength(before);
    expect((await retry(jobId, undefined, await api.token('user-2'))).status).toBe(202);
  });

  it.each([
    ['a body with an option it does not know', 'RETRY101', { force: true }],
    ['a body that is not an object', 'RETRY102', ['now']],
  ])('answers 400 VALIDATION_FAILED to %s, writing nothing', async (_what, suffix, body) => {
    const jobId = await seedFailed(api.h, suffix, '2026-11-25T12:00:00.000Z');
    const before = (await streamOf(jobId)).length;
    const answer = await retry(jobId, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ in: 'body' })] });
    expect(await streamOf(jobId)).toHaveLength(before);
  });

  it('answers 400 to a job id that is too long and to malformed JSON, and 401 without a token', async () => {
    const tooLong = await retry('j'.repeat(129));
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ in: 'params', path: 'jobId' })] } });
    const malformed = await fetch(`${api.url}/v1/jobs/job_x/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"force":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('MALFORMED_JSON');
    const anonymous = await api.call('POST', '/v1/jobs/job_x/retry');
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'TOKEN_MISSING' } });
  });
});
