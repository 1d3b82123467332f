// The UploadStorage contract, run against each adapter (embedded blob endpoint over the local disk,
// S3 on the emulator): the client side is real HTTP through the URLs the adapter hands out.
import { createHash, randomBytes } from 'node:crypto';
import type { UploadStorage } from '../ports/upload-storage';

interface UploadStorageUnderTest {
  readonly storage: UploadStorage;
  dispose(): Promise<void>;
}

const MiB = 1024 * 1024;
/** S3's (and the embedded store's) minimum for every part but the last. */
const CONTRACT_PART_SIZE = 5 * MiB;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
let counter = 0;
const newKey = (): string =>
  `owner-${process.pid}/up_CONTRACT${String(++counter).padStart(4, '0')}${randomBytes(4).toString('hex')}/source`;

const put = async (
  url: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string }> => {
  const res = await fetch(url, { method: 'PUT', headers, body });
  await res.arrayBuffer();
  return { status: res.status, etag: res.headers.get('etag') ?? '' };
};

export const describeUploadStorageContract = (
  name: string,
  make: () => Promise<UploadStorageUnderTest>,
): void => {
  describe(`UploadStorage contract: ${name}`, () => {
    let subject: UploadStorageUnderTest;
    let storage: UploadStorage;
    beforeAll(async () => {
      subject = await make();
      storage = subject.storage;
    });
    afterAll(() => subject.dispose());

    it('stores a single presigned PUT whose size and SHA-256 inspect then reports', async () => {
      const key = newKey();
      const bytes = randomBytes(3000);
      const signed = await storage.presignPut({
        key,
        size: bytes.length,
        contentType: 'video/mp4',
        expiresInSeconds: 300,
      });
      expect(signed.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect((await put(signed.url, bytes, signed.headers)).status).toBe(200);
      expect(await storage.inspect(key, { withSha256: true })).toEqual({
        size: bytes.length,
        sha256: sha256(bytes),
      });
    });

    it('signs a declared SHA-256 into the PUT, and the stored object carries it', async () => {
      const key = newKey();
      const bytes = randomBytes(2048);
      const signed = await storage.presignPut({
        key,
        size: bytes.length,
        contentType: 'audio/mpeg',
        sha256: sha256(bytes),
        expiresInSeconds: 300,
      });
      expect((await put(signed.url, bytes, signed.headers)).status).toBe(200);
      expect((await storage.inspect(key, { withSha256: true }))?.sha256).toBe(sha256(bytes));
    });

    it('answers null for a key nothing was uploaded to, and deletes idempotently', async () => {
      const key = newKey();
      expect(await storage.inspect(key)).toBeNull();
      await storage.delete(key);
      const bytes = randomBytes(10);
      const signed = await storage.presignPut({
        key,
        size: 10,
        contentType: 'video/mp4',
        expiresInSeconds: 300,
      });
      await put(signed.url, bytes, signed.headers);
      await storage.delete(key);
      expect(await storage.inspect(key)).toBeNull();
    });

    it('assembles multipart parts PUT out of order into one object, in part order', async () => {
      const key = newKey();
      const parts = [randomBytes(CONTRACT_PART_SIZE), randomBytes(CONTRACT_PART_SIZE), randomBytes(1024)];
      const multipartId = await storage.createMultipart({ key, contentType: 'video/mp4' });
      const urls = await storage.presignParts({
        key,
        multipartId,
        partCount: 3,
        partSize: CONTRACT_PART_SIZE,
        expiresInSeconds: 300,
      });
      expect(urls.map((u) => u.partNumber)).toEqual([1, 2, 3]);
      const etags: string[] = [];
      for (const n of [3, 1, 2]) {
        const res = await put(urls[n - 1]?.url ?? '', parts[n - 1] as Buffer);
        expect(res.status).toBe(200);
        etags[n - 1] = res.etag;
      }
      const listed = await storage.listParts({ key, multipartId });
      expect(listed.map((p) => [p.partNumber, p.size])).toEqual([
        [1, CONTRACT_PART_SIZE],
        [2, CONTRACT_PART_SIZE],
        [3, 1024],
      ]);
      expect(listed.map((p) => `"${p.etag}"`)).toEqual(etags.map((e) => `"${e.replace(/"/g, '')}"`));
      expect(await storage.inspect(key)).toBeNull();
      await storage.completeMultipart({
        key,
        multipartId,
        parts: listed.map(({ partNumber, etag }) => ({ partNumber, etag })),
      });
      expect(await storage.inspect(key, { withSha256: true })).toEqual({
        size: 2 * CONTRACT_PART_SIZE + 1024,
        sha256: sha256(Buffer.concat(parts)),
      });
    }, 60_000);

    it('refuses to complete with an ETag no part has, with UPLOAD_PARTS_INVALID', async () => {
      const key = newKey();
      const multipartId = await storage.createMultipart({ key, contentType: 'video/mp4' });
      const [url] = await storage.presignParts({
        key,
        multipartId,
        partCount: 1,
        partSize: CONTRACT_PART_SIZE,
        expiresInSeconds: 300,
      });
      await put(url?.url ?? '', randomBytes(100));
      await expect(
        storage.completeMultipart({
          key,
          multipartId,
          parts: [{ partNumber: 1, etag: '0123456789abcdef0123456789abcdef' }],
        }),
      ).rejects.toMatchObject({
        code: 'UPLOAD_PARTS_INVALID',
      });
      expect(await storage.inspect(key)).toBeNull();
      await storage.abortMultipart({ key, multipartId });
    });

    it('forgets aborted parts: nothing listed, aborting again succeeds', async () => {
      const key = newKey();
      const multipartId = await storage.createMultipart({ key, contentType: 'video/mp4' });
      expect(await storage.listParts({ key, multipartId })).toEqual([]);
      const [url] = await storage.presignParts({
        key,
        multipartId,
        partCount: 1,
        partSize: CONTRACT_PART_SIZE,
        expiresInSeconds: 300,
      });
      await put(url?.url ?? '', randomBytes(100));
      await storage.abortMultipart({ key, multipartId });
      expect(await storage.listParts({ key, multipartId })).toEqual([]);
      await storage.abortMultipart({ key, multipartId });
      expect(await storage.inspect(key)).toBeNull();
    });
  });
};
