// The jobs API over HTTP: listing with pagination and a status filter, bad query parameters, cancel
// (202, then JobCancelled in the store; 409 for a finished job) and the admin figures.
import type { DeadLetters } from '@mediaflow/bus';
import { startJobsHttp, type JobsHttp } from '../support/jobs-http';
import { seedCompleted, seedCreated, seedFailed } from '../support/seed-jobs';

const oneDeadLetter: DeadLetters = {
  list: async () => [{ raw: 'not json', error: { code: 'INVALID_ENVELOPE', message: 'bad' }, attempts: 1, deadLetteredAt: new Date() }],
};

describe('jobs API: lists, cancel, admin', () => {
  let api: JobsHttp;
  let token: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    api = await startJobsHttp({ deadLetters: oneDeadLetter });
    token = await api.token('user-1');
    ids.first = await seedCompleted(api.h, 'LIST0001', '2026-11-25T10:00:00.000Z');
    ids.second = await seedCreated(api.h, 'LIST0002', '2026-11-25T10:01:00.000Z');
    ids.third = await seedFailed(api.h, 'LIST0003', '2026-11-25T10:02:00.000Z');
    ids.fourth = await seedCompleted(api.h, 'LIST0004', '2026-11-25T10:03:00.000Z');
    ids.fifth = await seedCreated(api.h, 'LIST0005', '2026-11-25T10:04:00.000Z');
    ids.others = await seedCreated(api.h, 'LIST0006', '2026-11-25T10:05:00.000Z', 'user-2');
  });
  afterAll(() => api.close());

  it("pages through the owner's jobs, newest first, and no one else's", async () => {
    const first = await api.call('GET', '/v1/jobs?limit=2', token);
    expect(first.status).toBe(200);
    const second = await api.call('GET', `/v1/jobs?limit=2&cursor=${first.body.nextCursor}`, token);
    const third = await api.call('GET', `/v1/jobs?limit=2&cursor=${second.body.nextCursor}`, token);
    const listed = [...first.body.items, ...second.body.items, ...third.body.items].map((j: { jobId: string }) => j.jobId);
    expect(listed).toEqual([ids.fifth, ids.fourth, ids.third, ids.second, ids.first]);
    expect(third.body.nextCursor).toBeUndefined();
    expect(first.body.items[0]).toMatchObject({ status: 'created', filename: 'holiday clip.mov', percent: 0 });
  });

  it('filters by status', async () => {
    const { body } = await api.call('GET', '/v1/jobs?status=completed', token);
    expect(body.items.map((j: { jobId: string }) => j.jobId)).toEqual([ids.fourth, ids.first]);
    const failed = await api.call('GET', '/v1/jobs?status=failed', token);
    expect(failed.body.items).toEqual([expect.objectContaining({ jobId: ids.third, error: { code: 'CORRUPT_MEDIA', reason: 'broken frames' } })]);
  });

  it.each([
    ['limit=0', 'VALIDATION_FAILED'],
    ['limit=500', 'VALIDATION_FAILED'],
    ['limit=ten', 'VALIDATION_FAILED'],
    ['status=exploded', 'VALIDATION_FAILED'],
    ['cursor=not-a-cursor', 'CURSOR_INVALID'],
  ])('answers 400 problem+json to ?%s', async (query, code) => {
    const { status, headers, body } = await api.call('GET', `/v1/jobs?${query}`, token);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body.code).toBe(code);
  });

  it('cancels a running job: 202, then JobCancelled in the store and in the job', async () => {
    const { status, headers } = await api.call('POST', `/v1/jobs/${ids.fifth}/cancel`, token, { reason: 'uploaded the wrong file' });
    expect(status).toBe(202);
    expect(headers.get('location')).toBe(`/v1/jobs/${ids.fifth}`);
    const last = (await api.h.file.store.read(`job-${ids.fifth}`)).at(-1);
    expect(last).toMatchObject({ type: 'JobCancelled', data: { jobId: ids.fifth, reason: 'uploaded the wrong file' }, metadata: { ownerId: 'user-1', correlationId: 'http-test-1' } });
    expect((await api.call('GET', `/v1/jobs/${ids.fifth}`, token)).body.status).toBe('cancelled');
    expect((await api.call('POST', `/v1/jobs/${ids.fifth}/cancel`, token)).status).toBe(202);
  });

  it('refuses to cancel a finished job with 409 JOB_ALREADY_FINISHED', async () => {
    const { status, body } = await api.call('POST', `/v1/jobs/${ids.first}/cancel`, token);
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'JOB_ALREADY_FINISHED', status: 409 });
  });

  it("answers 404 to cancelling another owner's job or an unknown one, writing nothing", async () => {
    expect((await api.call('POST', `/v1/jobs/${ids.others}/cancel`, token)).body.code).toBe('JOB_NOT_FOUND');
    expect((await api.call('POST', '/v1/jobs/job_unknown/cancel', token)).status).toBe(404);
    expect((await api.h.eventTypes(ids.others as string)).at(-1)).toBe('ProbeRequested');
  });

  it('shows admins jobs by status, throughput and dead letters, and refuses everyone else', async () => {
    expect((await api.call('GET', '/v1/admin/stats', token)).status).toBe(403);
    api.h.setNow('2026-11-25T10:30:00.000Z');
    const { status, body } = await api.call('GET', '/v1/admin/stats', await api.token('ops', true));
    expect(status).toBe(200);
    expect(body).toEqual({
      jobs: { total: 6, byStatus: expect.objectContaining({ completed: 2, failed: 1, created: 2, cancelled: 1, queued: 0 }) },
      throughput: { completedLastHour: 2, completedLastDay: 2 },
      deadLetters: { jobs: 1 },
    });
  });
});
