// A ~20 MB upload in embedded mode: four parts PUT out of order through their signed URLs, completed
// with their ETags, assembled into one object with the right digest, and published.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { expectProblem, startIngestService, type IngestService } from '../support/ingest-service';

const MiB = 1024 * 1024;
let svc: IngestService;
beforeAll(async () => {
  svc = await startIngestService();
});
afterAll(() => svc.close());

const putPart = async (url: string, body: Buffer) => {
  const res = await fetch(url, { method: 'PUT', body });
  await res.arrayBuffer();
  return { status: res.status, etag: res.headers.get('etag') ?? '' };
};

describe('multipart upload', () => {
  it('assembles 20 MB sent in 4 parts, out of order, and publishes UploadCompleted', async () => {
    const body = randomBytes(20 * MiB + 12345);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const created = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'big.mov', contentType: 'video/quicktime', size: body.length, sha256 },
    });
    expect(created.status).toBe(201);
    const ticket = created.json;
    expect(ticket).toMatchObject({ method: 'multipart', partSize: 5 * MiB, partCount: 5 });
    expect(ticket.url).toBeUndefined();

    const parts: Array<{ partNumber: number; etag: string }> = [];
    for (const { partNumber, url } of [...ticket.parts].reverse() as Array<{
      partNumber: number;
      url: string;
    }>) {
      const slice = body.subarray((partNumber - 1) * ticket.partSize, partNumber * ticket.partSize);
      const res = await putPart(url, slice);
      expect(res.status).toBe(200);
      parts.unshift({ partNumber, etag: res.etag });
    }
    const done = await svc.api('POST', ticket.completeUrl, { body: { parts } });
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('completed');

    const stored = await new LocalDiskBlobStorage({ root: join(svc.dir, 'blobs', 'uploads') }).head(
      `alice/${ticket.uploadId}/source`,
    );
    expect(stored).toMatchObject({ size: body.length, sha256, contentType: 'video/quicktime' });
    const [event] = await svc.publishedFor(ticket.uploadId);
    expect(event?.detail.data).toMatchObject({ uploadId: ticket.uploadId, size: body.length, sha256 });
  }, 60_000);

  it('completes without a part list from the parts stored, and hands out fresh part URLs while pending', async () => {
    const body = randomBytes(17 * MiB);
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'x.mp4', contentType: 'video/mp4', size: body.length },
    });
    const pending = await svc.api('GET', `/v1/uploads/${ticket.uploadId}`);
    expect(pending.json.upload.parts).toHaveLength(ticket.parts.length);
    for (const { partNumber, url } of pending.json.upload.parts as Array<{
      partNumber: number;
      url: string;
    }>) {
      await putPart(url, body.subarray((partNumber - 1) * ticket.partSize, partNumber * ticket.partSize));
    }
    expect((await svc.api('POST', ticket.completeUrl)).status).toBe(200);
  }, 60_000);

  it('verifies the SHA-256 given at completion against the assembled parts: another answers 422, the right one 200', async () => {
    const body = randomBytes(16 * MiB + 1);
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'z.mp4', contentType: 'video/mp4', size: body.length },
    });
    const parts = await Promise.all(
      (ticket.parts as Array<{ partNumber: number; url: string }>).map(async ({ partNumber, url }) => ({
        partNumber,
        etag: (
          await putPart(url, body.subarray((partNumber - 1) * ticket.partSize, partNumber * ticket.partSize))
        ).etag,
      })),
    );
    const wrong = createHash('sha256').update(body.subarray(1)).digest('hex');
    expectProblem(
      await svc.api('POST', ticket.completeUrl, { body: { parts, sha256: wrong } }),
      422,
      'UPLOAD_CHECKSUM_MISMATCH',
    );
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect((await svc.api('POST', ticket.completeUrl, { body: { parts, sha256 } })).status).toBe(200);
    const [event] = await svc.publishedFor(ticket.uploadId);
    expect(event?.detail.data).toMatchObject({ uploadId: ticket.uploadId, size: body.length, sha256 });
  }, 60_000);

  it('refuses missing parts and wrong ETags, leaving the upload open to fix them', async () => {
    const body = randomBytes(16 * MiB);
    const { json: ticket } = await svc.api('POST', '/v1/uploads', {
      body: { filename: 'y.mp4', contentType: 'video/mp4', size: body.length },
    });
    const etags: string[] = [];
    for (const { partNumber, url } of ticket.parts.slice(0, -1) as Array<{
      partNumber: number;
      url: string;
    }>) {
      etags.push(
        (await putPart(url, body.subarray((partNumber - 1) * ticket.partSize, partNumber * ticket.partSize)))
          .etag,
      );
    }
    expectProblem(await svc.api('POST', ticket.completeUrl), 409, 'UPLOAD_PARTS_INVALID');
    const last = ticket.parts.at(-1) as { partNumber: number; url: string };
    etags.push((await putPart(last.url, body.subarray((last.partNumber - 1) * ticket.partSize))).etag);
    const wrong = etags.map((etag, i) => ({ partNumber: i + 1, etag: i === 0 ? '"deadbeef"' : etag }));
    expectProblem(
      await svc.api('POST', ticket.completeUrl, { body: { parts: wrong } }),
      409,
      'UPLOAD_PARTS_INVALID',
    );
    const right = etags.map((etag, i) => ({ partNumber: i + 1, etag }));
    expect((await svc.api('POST', ticket.completeUrl, { body: { parts: right } })).status).toBe(200);
  }, 60_000);
});
