// Every bad input of the uploads API answers problem+json with its stable code: auth, body, policy,
// size and state errors, and another owner's upload is indistinguishable from a missing one.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { issueDevelopmentToken } from '@mediaflow/http';
import { expectProblem, startIngestService, type IngestService } from '../support/ingest-service';

let svc: IngestService;
beforeAll(async () => {
  svc = await startIngestService();
});
afterAll(() => svc.close());

const create = (body: unknown, options: { sub?: string } = {}) =>
  svc.api('POST', '/v1/uploads', { body, ...options });
const valid = { filename: 'clip.mp4', contentType: 'video/mp4', size: 100 };

describe('bad inputs', () => {
  it('refuses a missing, expired or forged token with 401', async () => {
    expectProblem(await svc.api('POST', '/v1/uploads', { body: valid, token: null }), 401, 'TOKEN_MISSING');
    const expired = await svc.tokenFor('alice', -60);
    expectProblem(
      await svc.api('POST', '/v1/uploads', { body: valid, token: expired }),
      401,
      'TOKEN_EXPIRED',
    );
    const forged = await issueDevelopmentToken({
      secret: 'another-secret-of-at-least-32-bytes!!',
      sub: 'alice',
      ttlSeconds: 60,
    });
    expectProblem(await svc.api('POST', '/v1/uploads', { body: valid, token: forged }), 401, 'TOKEN_INVALID');
  });

  it('refuses a content type outside the policy with 415', async () => {
    expectProblem(
      await create({ ...valid, contentType: 'application/x-msdownload' }),
      415,
      'CONTENT_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses a size over the limit with 413, and a size of 0 or less with 400', async () => {
    expectProblem(await create({ ...valid, size: 64 * 1024 * 1024 + 1 }), 413, 'UPLOAD_TOO_LARGE');
    for (const size of [0, -5]) {
      const res = await create({ ...valid, size });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.json.errors[0]).toMatchObject({ in: 'body', path: 'size' });
    }
  });

  it('refuses an unknown profile with 400, naming the known ones', async () => {
    const res = await create({ ...valid, profile: 'ultra-hd' });
    expectProblem(res, 400, 'PROFILE_UNKNOWN');
    expect(res.json.detail).toContain('default, sd, high');
  });

  it('keeps only the name of a filename with "../", and refuses control characters', async () => {
    const ok = await create({ ...valid, filename: '../../etc/passwd.mp4' });
    expect(ok.status).toBe(201);
    expect((await svc.api('GET', `/v1/uploads/${ok.json.uploadId}`)).json.filename).toBe('passwd.mp4');
    expectProblem(await create({ ...valid, filename: '../evil\u0000.mp4' }), 400, 'FILENAME_INVALID');
    expectProblem(await create({ ...valid, filename: 'a\r\nb.mp4' }), 400, 'FILENAME_INVALID');
    expectProblem(await create({ ...valid, filename: '../..' }), 400, 'FILENAME_INVALID');
  });

  it('refuses malformed and oversized JSON bodies', async () => {
    expectProblem(
      await svc.api('POST', '/v1/uploads', { rawBody: '{"filename": "a.mp4",' }),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await svc.api('POST', '/v1/uploads', {
        rawBody: JSON.stringify({ ...valid, filename: 'x'.repeat(64 * 1024) }),
      }),
      413,
      'BODY_TOO_LARGE',
    );
  });

  it('answers 409 UPLOAD_NOT_RECEIVED when completing an upload nothing was sent for', async () => {
    const { json: ticket } = await create(valid);
    expectProblem(await svc.api('POST', ticket.completeUrl), 409, 'UPLOAD_NOT_RECEIVED');
  });

  it('catches a declared size that differs from the uploaded one, at the PUT and at completion', async () => {
    const { json: ticket } = await create(valid);
    const short = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: randomBytes(99) });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { code: string }).code).toBe('BLOB_BODY_INCOMPLETE');
    expectProblem(await svc.api('POST', ticket.completeUrl), 409, 'UPLOAD_NOT_RECEIVED');
    // Bytes that reached storage another way (as on S3, where nothing checks sizes at PUT time).
    await new LocalDiskBlobStorage({ root: join(svc.dir, 'blobs', 'uploads') }).put(
      `alice/${ticket.uploadId}/source`,
      randomBytes(99),
      { contentType: 'video/mp4' },
    );
    expectProblem(await svc.api('POST', ticket.completeUrl), 422, 'UPLOAD_SIZE_MISMATCH');
  });

  it("answers 404 for another owner's upload, exactly as for a missing one", async () => {
    const { json: ticket } = await create(valid);
    for (const [method, path] of [
      ['GET', `/v1/uploads/${ticket.uploadId}`],
      ['POST', ticket.completeUrl],
      ['POST', ticket.abortUrl],
    ] as const) {
      expectProblem(await svc.api(method, path, { sub: 'mallory' }), 404, 'UPLOAD_NOT_FOUND');
    }
    expectProblem(await svc.api('GET', '/v1/uploads/up_01JDQ0000000000000000000ZZ'), 404, 'UPLOAD_NOT_FOUND');
    expectProblem(await svc.api('GET', '/v1/uploads/not-an-id'), 404, 'UPLOAD_NOT_FOUND');
  });

  it('refuses a blob URL with a forged or expired signature with 403', async () => {
    const { json: ticket } = await create(valid);
    const forged = ticket.url.replace(/x-signature=[^&]+/, 'x-signature=AAAA');
    const res = await fetch(forged, { method: 'PUT', headers: ticket.headers, body: randomBytes(100) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('URL_SIGNATURE_INVALID');
  });

  it('refuses parts on a single-PUT upload', async () => {
    const { json: ticket } = await create(valid);
    await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: randomBytes(100) });
    expectProblem(
      await svc.api('POST', ticket.completeUrl, { body: { parts: [{ partNumber: 1, etag: 'x' }] } }),
      409,
      'UPLOAD_PARTS_INVALID',
    );
  });
});
