// Storage's object-created notification completes an upload through the client's own code path,
// idempotently, and never on a wrong object.
import { randomBytes } from 'node:crypto';
import { putBytes, startIngestWorld, type IngestWorld } from '../support/ingest-world';

let world: IngestWorld;
beforeAll(async () => {
  world = await startIngestWorld();
});
afterAll(() => world.dispose());

const start = (size = 1000) =>
  world.app.initiate({
    ownerId: 'alice',
    correlationId: 'c-1',
    filename: 'clip.mp4',
    contentType: 'video/mp4',
    size,
  });

describe('completeFromStorageEvent', () => {
  it('completes once, then answers already-completed; the client then gets 409', async () => {
    const { upload, urls } = await start();
    if (urls.method !== 'single') throw new Error('expected a single PUT');
    expect((await putBytes(urls.put.url, randomBytes(1000), urls.put.headers)).status).toBe(200);
    expect(await world.app.completeFromStorageEvent(upload.key)).toBe('completed');
    expect(await world.app.completeFromStorageEvent(upload.key)).toBe('already-completed');
    expect(await world.eventTypes(upload.uploadId)).toEqual(['UploadInitiated', 'UploadCompleted']);
    await expect(
      world.app.complete({ uploadId: upload.uploadId, ownerId: 'alice', correlationId: 'c-2' }),
    ).rejects.toMatchObject({ code: 'UPLOAD_ALREADY_COMPLETED' });
    expect(await world.deadlines.due(new Date(Date.now() + 10 * 24 * 3600_000), 100)).toEqual([]);
  });

  it('refuses an object of the wrong size and leaves the upload pending for the client', async () => {
    const { upload } = await start(1000);
    await world.uploads.put(upload.key, randomBytes(10), { contentType: 'video/mp4' });
    expect(await world.app.completeFromStorageEvent(upload.key)).toBe('refused');
    expect(await world.eventTypes(upload.uploadId)).toEqual(['UploadInitiated']);
    await expect(
      world.app.complete({ uploadId: upload.uploadId, ownerId: 'alice', correlationId: 'c-3' }),
    ).rejects.toMatchObject({ code: 'UPLOAD_SIZE_MISMATCH' });
  });

  it('ignores keys that belong to no upload', async () => {
    expect(await world.app.completeFromStorageEvent('_multipart/abc/part-00001')).toBe('ignored');
    expect(await world.app.completeFromStorageEvent('alice/up_01JDQ0000000000000000000ZZ/source')).toBe(
      'ignored',
    );
  });
});
