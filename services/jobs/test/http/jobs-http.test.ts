// The jobs API over HTTP on an ephemeral port with real adapters: one job with its output URLs,
// another owner's job, unknown jobs, the job's history.
import { startJobsHttp, type JobsHttp } from '../support/jobs-http';
import { seedCompleted, seedCreated } from '../support/seed-jobs';

describe('GET /v1/jobs/{id}', () => {
  let api: JobsHttp;
  let token: string;
  beforeAll(async () => {
    api = await startJobsHttp();
    token = await api.token('user-1');
  });
  afterAll(() => api.close());

  it('shows a completed job with media info, plan summary and output URLs that work', async () => {
    const jobId = await seedCompleted(api.h, 'AAAA0001', '2026-11-25T12:00:00.000Z');
    await api.outputs.put(`user-1/${jobId}/hls/master.m3u8`, Buffer.from('#EXTM3U\n720p/index.m3u8\n'), { contentType: 'application/vnd.apple.mpegurl' });
    await api.outputs.put(`user-1/${jobId}/hls/720p/index.m3u8`, Buffer.from('#EXTM3U\n#EXTINF:4,\nseg-0.m4s\n'), { contentType: 'application/vnd.apple.mpegurl' });

    const { status, body } = await api.call('GET', `/v1/jobs/${jobId}`, token);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      jobId,
      status: 'completed',
      percent: 100,
      attempt: 1,
      source: { filename: 'holiday clip.mov' },
      media: { kind: 'video', video: { width: 1920, height: 1080 } },
      plan: { renditions: expect.arrayContaining(['1080p', '720p']) },
      attempts: [{ attempt: 1, outcome: 'completed', runnerId: 'r-1' }],
    });
    expect(body.outputs.files).toHaveLength(4);
    expect(body.outputs.files[0]).not.toHaveProperty('sha256');

    const master = await fetch(body.outputs.playbackUrl);
    expect(master.status).toBe(200);
    expect(await master.text()).toContain('720p/index.m3u8');
    // HLS resolves playlists relative to the master: the signed prefix must cover them.
    const rendition = await fetch(new URL('720p/index.m3u8', body.outputs.playbackUrl));
    expect(rendition.status).toBe(200);
  });

  it("answers 404 problem+json for another owner's job, exactly as for a missing one", async () => {
    const jobId = await seedCreated(api.h, 'AAAA0002', '2026-11-25T12:01:00.000Z', 'user-2');
    const other = await api.call('GET', `/v1/jobs/${jobId}`, token);
    const missing = await api.call('GET', '/v1/jobs/job_NOPE', token);
    for (const answer of [other, missing]) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 404, code: 'JOB_NOT_FOUND' });
    }
    expect((await api.call('GET', `/v1/jobs/${jobId}/events`, token)).status).toBe(404);
  });

  it("lists the job's history from its event stream", async () => {
    const jobId = await seedCompleted(api.h, 'AAAA0003', '2026-11-25T12:02:00.000Z');
    const { status, body } = await api.call('GET', `/v1/jobs/${jobId}/events`, token);
    expect(status).toBe(200);
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'JobCreated',
      'JobSourceDescribed',
      'ProbeRequested',
      'JobProbed',
      'JobValidated',
      'TranscodeRequested',
      'JobTranscodeStarted',
      'JobCompleted',
    ]);
    expect(body.events[4]).toMatchObject({ version: 5, occurredAt: '2026-11-25T12:02:00.000Z', summary: { outputs: expect.any(Number) } });
    expect(body.events[5]).toMatchObject({ version: 6, summary: { attempt: 1, outputs: expect.any(Number) } });
  });

  it('refuses a request without a token', async () => {
    const { status, body } = await api.call('GET', '/v1/jobs/job_x');
    expect(status).toBe(401);
    expect(body.code).toBe('TOKEN_MISSING');
  });
});
