// The uploads API end to end in embedded mode, single PUT: create, PUT through the returned URL,
// complete, read — and UploadCompleted reaches the bus through the outbox relay.
import { createHash, randomBytes } from 'node:crypto';
import { expectProblem, startIngestService, type IngestService } from '../support/ingest-service';

let svc: IngestService;
beforeAll(async () => {
  svc = await startIngestService();
});
afterAll(() => svc.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('single upload', () => {
  it('uploads through the returned URL, completes, and publishes UploadCompleted.v1', async () => {
    const bytes = randomBytes(64 * 1024);
    const created = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'holiday.mp4', contentType: 'video/mp4', size: bytes.length, profile: 'sd' },
    });
    expect(created.status).toBe(201);
    const ticket = created.json;
    expect(ticket).toMatchObject({
      method: 'single',
      completeUrl: `/v1/uploads/${ticket.uploadId}/complete`,
      headers: { 'content-type': 'video/mp4' },
    });
    expect(ticket.uploadId).toMatch(/^up_[0-9A-Z]{26}$/);
    expect(created.headers.get('location')).toBe(`/v1/uploads/${ticket.uploadId}`);
    expect(ticket.url.startsWith(`${svc.url}/blobs/uploads/o/`)).toBe(true);

    const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
    expect(put.status).toBe(200);
    expect((await svc.api('GET', `/v1/uploads/${ticket.uploadId}`)).json).toMatchObject({
      status: 'pending',
      upload: { url: expect.any(String) },
    });

    const done = await svc.api('POST', ticket.completeUrl);
    expect(done.status).toBe(200);
    expect(done.json).toEqual({
      uploadId: ticket.uploadId,
      status: 'completed',
      jobId: `job_${ticket.uploadId.slice(3)}`,
    });

    const got = await svc.api('GET', `/v1/uploads/${ticket.uploadId}`);
    expect(got.json).toMatchObject({
      status: 'completed',
      filename: 'holiday.mp4',
      size: bytes.length,
      profile: 'sd',
      method: 'single',
      jobId: done.json.jobId,
    });
    expect(got.json.upload).toBeUndefined();

    const [event, ...more] = await svc.publishedFor(ticket.uploadId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      source: 'mediaflow.ingest',
      'detail-type': 'UploadCompleted',
      detail: {
        metadata: { version: 1, ownerId: 'alice' },
        data: {
          uploadId: ticket.uploadId,
          key: `alice/${ticket.uploadId}/source`,
          filename: 'holiday.mp4',
          size: bytes.length,
          profile: 'sd',
        },
      },
    });
  });

  it('answers 409 UPLOAD_ALREADY_COMPLETED to a second completion, and publishes nothing more', async () => {
    const bytes = randomBytes(100);
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'a.mp4', contentType: 'video/mp4', size: 100 },
    });
    await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
    expect((await svc.api('POST', ticket.completeUrl)).status).toBe(200);
    expectProblem(await svc.api('POST', ticket.completeUrl), 409, 'UPLOAD_ALREADY_COMPLETED');
    await svc.publishedFor(ticket.uploadId);
    await new Promise((r) => setTimeout(r, 100));
    expect(await svc.publishedFor(ticket.uploadId)).toHaveLength(1);
  });

  it('verifies a declared SHA-256: the right bytes complete with it, other bytes answer 422', async () => {
    const bytes = randomBytes(500);
    const { json: good } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'a.mp3', contentType: 'audio/mpeg', size: 500, sha256: sha(bytes).toUpperCase() },
    });
    await fetch(good.url, { method: 'PUT', headers: good.headers, body: bytes });
    expect((await svc.api('POST', good.completeUrl)).status).toBe(200);
    const [event] = await svc.publishedFor(good.uploadId);
    expect((event?.detail.data as { sha256?: string }).sha256).toBe(sha(bytes));

    const { json: bad } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'b.mp3', contentType: 'audio/mpeg', size: 500, sha256: sha(bytes) },
    });
    await fetch(bad.url, { method: 'PUT', headers: bad.headers, body: randomBytes(500) });
    expectProblem(await svc.api('POST', bad.completeUrl), 422, 'UPLOAD_CHECKSUM_MISMATCH');
  });

  it('verifies a SHA-256 given at completion instead: the right digest completes (and the upload keeps it), another answers 422', async () => {
    const bytes = randomBytes(700);
    const create = async () =>
      (
        await svc.api('POST', '/v1/uploads', {
          body: { filename: 'c.mp3', contentType: 'audio/mpeg', size: 700 },
        })
      ).json;
    const good = await create();
    await fetch(good.url, { method: 'PUT', headers: good.headers, body: bytes });
    const done = await svc.api('POST', good.completeUrl, { body: { sha256: sha(bytes).toUpperCase() } });
    expect(done.status).toBe(200);
    const [event] = await svc.publishedFor(good.uploadId);
    expect((event?.detail.data as { sha256?: string }).sha256).toBe(sha(bytes));
    expect((await svc.api('GET', `/v1/uploads/${good.uploadId}`)).json).toMatchObject({
      status: 'completed',
      sha256: sha(bytes),
    });

    const bad = await create();
    await fetch(bad.url, { method: 'PUT', headers: bad.headers, body: bytes });
    expectProblem(
      await svc.api('POST', bad.completeUrl, { body: { sha256: sha(randomBytes(700)) } }),
      422,
      'UPLOAD_CHECKSUM_MISMATCH',
    );
    // Still pending: the client may complete again with the right digest.
    expect((await svc.api('POST', bad.completeUrl, { body: { sha256: sha(bytes) } })).status).toBe(200);
  });

  it('answers 409 UPLOAD_CHECKSUM_CONFLICT when the SHA-256 given at completion is not the declared one, and accepts the same one', async () => {
    const bytes = randomBytes(300);
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'd.mp3', contentType: 'audio/mpeg', size: 300, sha256: sha(bytes) },
    });
    await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
    expectProblem(
      await svc.api('POST', ticket.completeUrl, { body: { sha256: sha(randomBytes(300)) } }),
      409,
      'UPLOAD_CHECKSUM_CONFLICT',
    );
    expect(
      (await svc.api('POST', ticket.completeUrl, { body: { sha256: sha(bytes).toUpperCase() } })).status,
    ).toBe(200);
  });

  it('refuses a malformed SHA-256 at completion with 400', async () => {
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'e.mp3', contentType: 'audio/mpeg', size: 10 },
    });
    const res = await svc.api('POST', ticket.completeUrl, { body: { sha256: 'not-a-digest' } });
    expect(res.status).toBe(400);
  });

  it('aborts a pending upload; completing it afterwards answers 409 UPLOAD_ABORTED', async () => {
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'a.mp4', contentType: 'video/mp4', size: 10 },
    });
    await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: randomBytes(10) });
    const aborted = await svc.api('POST', ticket.abortUrl);
    expect(aborted.json).toEqual({ uploadId: ticket.uploadId, status: 'aborted' });
    expectProblem(await svc.api('POST', ticket.completeUrl), 409, 'UPLOAD_ABORTED');
  });

  it('documents the routes in /openapi.json', async () => {
    const doc = (await svc.api('GET', '/openapi.json', { token: null })).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/uploads',
        '/v1/uploads/{uploadId}',
        '/v1/uploads/{uploadId}/complete',
        '/v1/uploads/{uploadId}/abort',
      ]),
    );
  });
});
