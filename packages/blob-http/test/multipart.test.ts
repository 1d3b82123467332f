// Multipart uploads on the embedded endpoint: parts PUT through their signed URLs in any order are
// assembled in part order, ETags are checked, oversized parts refused, and abort removes everything.
import { createHash, randomBytes } from 'node:crypto';
import { startBlobServer, type BlobServer } from './support/blob-server';

const PART = 4096;
let server: BlobServer;

beforeAll(async () => {
  server = await startBlobServer({ minPartSize: PART });
});
afterAll(() => server.close());

const signPart = (multipartId: string, partNumber: number, maxPartSize = PART) =>
  server.signer.signPart({ bucket: 'uploads', multipartId, partNumber, maxPartSize, expiresInSeconds: 60 });

const putPart = async (multipartId: string, partNumber: number, body: Buffer) => {
  const res = await fetch(signPart(multipartId, partNumber).url, { method: 'PUT', body });
  return { status: res.status, etag: res.headers.get('etag') ?? '', body: await res.text() };
};

describe('embedded multipart upload', () => {
  it('assembles parts uploaded out of order into one object, in part order', async () => {
    const key = 'owner/up_mp1/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const parts = [randomBytes(PART), randomBytes(PART), randomBytes(1000)];
    const etags: string[] = [];
    for (const n of [3, 1, 2]) {
      const res = await putPart(id, n, parts[n - 1] as Buffer);
      expect(res.status).toBe(200);
      etags[n - 1] = res.etag;
    }
    expect((await server.multipart.listParts(id)).map((p) => [p.partNumber, p.size])).toEqual([
      [1, PART],
      [2, PART],
      [3, 1000],
    ]);
    const done = await server.multipart.complete(
      id,
      key,
      etags.map((etag, i) => ({ partNumber: i + 1, etag })),
    );
    const whole = Buffer.concat(parts);
    expect(done).toMatchObject({
      size: whole.length,
      sha256: createHash('sha256').update(whole).digest('hex'),
    });
    expect(await server.uploads.head(key)).toMatchObject({ size: whole.length, contentType: 'video/mp4' });
    expect(await server.uploads.list(`_multipart/${id}/`)).toEqual([]);
  });

  it('refuses to complete with a wrong ETag, a missing part or parts out of order', async () => {
    const key = 'owner/up_mp2/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const a = await putPart(id, 1, randomBytes(PART));
    const b = await putPart(id, 2, randomBytes(10));
    const attempts = [
      [
        { partNumber: 1, etag: '"0000"' },
        { partNumber: 2, etag: b.etag },
      ],
      [
        { partNumber: 1, etag: a.etag },
        { partNumber: 3, etag: b.etag },
      ],
      [
        { partNumber: 2, etag: b.etag },
        { partNumber: 1, etag: a.etag },
      ],
    ];
    for (const parts of attempts) {
      await expect(server.multipart.complete(id, key, parts)).rejects.toMatchObject({
        code: 'MULTIPART_PARTS_INVALID',
      });
    }
    expect(await server.uploads.head(key)).toBeNull();
  });

  it('refuses a part larger than signed with 413, and a small part that is not the last', async () => {
    const key = 'owner/up_mp3/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const big = await putPart(id, 1, randomBytes(PART + 1));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ code: 'BLOB_BODY_TOO_LARGE' });
    const small = await putPart(id, 1, randomBytes(10));
    const last = await putPart(id, 2, randomBytes(10));
    await expect(
      server.multipart.complete(id, key, [
        { partNumber: 1, etag: small.etag },
        { partNumber: 2, etag: last.etag },
      ]),
    ).rejects.toMatchObject({ code: 'MULTIPART_PARTS_INVALID' });
  });

  it('forgets an aborted upload: its parts are gone and new part PUTs answer 404', async () => {
    const id = await server.multipart.create('owner/up_mp4/source', 'video/mp4');
    await putPart(id, 1, randomBytes(100));
    await server.multipart.abort(id);
    expect(await server.uploads.list(`_multipart/${id}/`)).toEqual([]);
    const res = await putPart(id, 2, randomBytes(100));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'MULTIPART_UPLOAD_NOT_FOUND' });
  });

  it('refuses a part URL signed for another part number or upload', async () => {
    const id = await server.multipart.create('owner/up_mp5/source', 'video/mp4');
    const url = signPart(id, 1).url;
    for (const forged of [
      url.replace(`/${id}/1?`, `/${id}/2?`),
      url.replace(id, id.replace(/^./, id[0] === 'a' ? 'b' : 'a')),
    ]) {
      const res = await fetch(forged, { method: 'PUT', body: randomBytes(10) });
      expect(res.status).toBe(403);
    }
  });
});
