// Multipart uploads on the embedded endpoint: parts PUT through their signed URLs in any order are
// written at their offsets and the file renamed into place, ETags are checked, oversized parts
// refused, gaps refused, a part sent again replaces itself, and abort removes everything.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import type { LocalMultipartStore } from '../src';
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

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Sends half of a part whose content-length announces all of it, then cuts the connection. */
const putHalfAndCut = (url: string, body: Buffer): Promise<void> =>
  new Promise((resolve) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': String(body.length) } });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      resolve();
    });
    req.write(body.subarray(0, body.length / 2), () => {
      req.destroy();
      resolve();
    });
  });

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

  it('completes by renaming the file the parts were written into: no copy, the digest recorded', async () => {
    const key = 'owner/up_mp6/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const parts = [randomBytes(PART), randomBytes(PART), randomBytes(PART), randomBytes(7)];
    const etags: string[] = [];
    // All at once, as clients send them: the running hash catches up with whatever order they land in.
    await Promise.all(
      parts.map(async (body, i) => {
        etags[i] = (await putPart(id, i + 1, body)).etag;
      }),
    );
    const staging = await server.uploads.stagingPath(`multipart-${id}`);
    const { ino } = await stat(staging);
    const whole = Buffer.concat(parts);
    const done = await server.multipart.complete(
      id,
      key,
      etags.map((etag, i) => ({ partNumber: i + 1, etag })),
    );
    expect(done).toMatchObject({ size: whole.length, sha256: sha256(whole) });
    expect((await stat(server.uploads.uri(key).replace('file://', ''))).ino).toBe(ino);
    expect(existsSync(staging)).toBe(false);
    expect(await server.uploads.head(key)).toMatchObject({ sha256: sha256(whole), contentType: 'video/mp4' });
  });

  it('lets a part sent again replace itself: its new bytes, its new ETag, the old ETag refused', async () => {
    const key = 'owner/up_mp7/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const first = [randomBytes(PART), randomBytes(100)];
    const etags = [(await putPart(id, 1, first[0] as Buffer)).etag, (await putPart(id, 2, first[1] as Buffer)).etag];
    const again = randomBytes(PART);
    const resent = await putPart(id, 1, again);
    expect(resent.etag).not.toBe(etags[0]);
    await expect(
      server.multipart.complete(id, key, [
        { partNumber: 1, etag: etags[0] as string },
        { partNumber: 2, etag: etags[1] as string },
      ]),
    ).rejects.toMatchObject({ code: 'MULTIPART_PARTS_INVALID' });
    const done = await server.multipart.complete(id, key, [
      { partNumber: 1, etag: resent.etag },
      { partNumber: 2, etag: etags[1] as string },
    ]);
    const whole = Buffer.concat([again, first[1] as Buffer]);
    expect(done).toMatchObject({ size: whole.length, sha256: sha256(whole) });
    expect(await readObject(key)).toEqual(whole);
  });

  it('never takes a cut-off part or a hole for data: no record, and a gap is refused', async () => {
    const key = 'owner/up_mp8/source';
    const id = await server.multipart.create(key, 'video/mp4');
    await putHalfAndCut(signPart(id, 1).url, randomBytes(PART));
    const second = await putPart(id, 2, randomBytes(PART));
    const third = await putPart(id, 3, randomBytes(10));
    expect((await server.multipart.listParts(id)).map((p) => p.partNumber)).toEqual([2, 3]);
    // Parts 2 and 3 alone would be the bytes at PART.. with a hole of zeros before them.
    await expect(
      server.multipart.complete(id, key, [
        { partNumber: 2, etag: second.etag },
        { partNumber: 3, etag: third.etag },
      ]),
    ).rejects.toMatchObject({ code: 'MULTIPART_PARTS_INVALID' });
    const first = await putPart(id, 1, randomBytes(PART));
    const cut = await putPart(id, 4, randomBytes(10));
    // Part 3 shorter than the part size and not the last: part 4 would follow a hole.
    await expect(
      server.multipart.complete(id, key, [
        { partNumber: 1, etag: first.etag },
        { partNumber: 2, etag: second.etag },
        { partNumber: 3, etag: third.etag },
        { partNumber: 4, etag: cut.etag },
      ]),
    ).rejects.toMatchObject({ code: 'MULTIPART_PARTS_INVALID' });
    // Listing parts 1..3 leaves part 4's bytes out of the object.
    const done = await server.multipart.complete(id, key, [
      { partNumber: 1, etag: first.etag },
      { partNumber: 2, etag: second.etag },
      { partNumber: 3, etag: third.etag },
    ]);
    expect(done.size).toBe(2 * PART + 10);
    expect(await server.uploads.head(key)).toMatchObject({ size: 2 * PART + 10 });
  });

  it('gives the SHA-256 of the object whatever order the parts land in, a part cut off or sent again', async () => {
    // In order, each part is hashed from its own bytes as they arrive; out of order, read back later.
    const parts = [randomBytes(PART), randomBytes(PART), randomBytes(PART), randomBytes(PART), randomBytes(99)];
    const whole = Buffer.concat(parts);
    const sends: ReadonlyArray<readonly number[] | 'all at once'> = [
      [1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1],
      [2, 1, 4, 3, 5],
      [1, 3, 2, 5, 4],
      'all at once',
    ];
    for (const [i, order] of sends.entries()) {
      const key = `owner/up_mp_order${i}/source`;
      const id = await server.multipart.create(key, 'video/mp4');
      const etags: string[] = [];
      const send = async (n: number) => void (etags[n - 1] = (await putPart(id, n, parts[n - 1] as Buffer)).etag);
      if (order === 'all at once') await Promise.all([1, 2, 3, 4, 5].map(send));
      else for (const n of order) await send(n);
      const done = await server.multipart.complete(id, key, etags.map((etag, n) => ({ partNumber: n + 1, etag })));
      expect({ order, sha256: done.sha256 }).toEqual({ order, sha256: sha256(whole) });
    }
    // Part 1 cut off halfway (its bytes hashed as they came), part 2 then sent twice with other bytes
    // before its final ones: only the bytes of the writes that stood count.
    const key = 'owner/up_mp_order_cut/source';
    const id = await server.multipart.create(key, 'video/mp4');
    await putHalfAndCut(signPart(id, 1).url, randomBytes(PART));
    const first = await putPart(id, 1, parts[0] as Buffer);
    await putPart(id, 2, randomBytes(PART));
    await putPart(id, 2, randomBytes(PART));
    const second = await putPart(id, 2, parts[1] as Buffer);
    const last = await putPart(id, 3, parts[4] as Buffer);
    const done = await server.multipart.complete(id, key, [
      { partNumber: 1, etag: first.etag },
      { partNumber: 2, etag: second.etag },
      { partNumber: 3, etag: last.etag },
    ]);
    expect(done.sha256).toBe(sha256(Buffer.concat([parts[0] as Buffer, parts[1] as Buffer, parts[4] as Buffer])));
  });

  it('after a restart reads from disk what the store that took the parts knew in memory, and completes', async () => {
    const key = 'owner/up_mp_restart/source';
    const id = await server.multipart.create(key, 'video/mp4');
    const parts = [randomBytes(PART), randomBytes(PART), randomBytes(5)];
    const etags: string[] = [];
    for (const n of [2, 1, 3]) etags[n - 1] = (await putPart(id, n, parts[n - 1] as Buffer)).etag;
    await putPart(id, 2, parts[1] as Buffer).then((resent) => (etags[1] = resent.etag));
    // A fresh copy of the module: none of the memory of the one that took the parts, as after a restart.
    let Restarted: typeof LocalMultipartStore | undefined;
    jest.isolateModules(() => {
      Restarted = (jest.requireActual('../src/multipart/local-multipart-store') as { LocalMultipartStore: typeof LocalMultipartStore }).LocalMultipartStore;
    });
    const restarted = new (Restarted as typeof LocalMultipartStore)(server.uploads, { minPartSize: PART });
    expect(await restarted.listParts(id)).toEqual(await server.multipart.listParts(id));
    expect((await restarted.listParts(id)).map((p) => [p.partNumber, `"${p.etag}"`])).toEqual(etags.map((etag, i) => [i + 1, etag]));
    const done = await restarted.complete(id, key, etags.map((etag, i) => ({ partNumber: i + 1, etag })));
    expect(done.sha256).toBe(sha256(Buffer.concat(parts)));
    expect(await readObject(key)).toEqual(Buffer.concat(parts));
  });

  it('removes the parts file on abort', async () => {
    const id = await server.multipart.create('owner/up_mp9/source', 'video/mp4');
    await putPart(id, 1, randomBytes(PART));
    const staging = await server.uploads.stagingPath(`multipart-${id}`);
    expect(existsSync(staging)).toBe(true);
    await server.multipart.abort(id);
    expect(existsSync(staging)).toBe(false);
  });
});

const readObject = async (key: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await server.uploads.getStream(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
