// Unfinished uploads end: the sweep expires them after their deadline and deletes what was sent, an
// abort does the same at once, and neither touches a completed upload.
import { randomBytes } from 'node:crypto';
import { MiB, testPolicy } from '../support/upload-fixtures';
import { initiateFromUrl } from '../../src/application/initiate-from-url';
import { putBytes, startIngestWorld, type IngestWorld } from '../support/ingest-world';

let world: IngestWorld;
beforeAll(async () => {
  world = await startIngestWorld(testPolicy({ multipartThresholdBytes: 6 * MiB, partSizeBytes: 5 * MiB }));
});
afterAll(() => world.dispose());

const start = (size: number) =>
  world.app.initiate({
    ownerId: 'bob',
    correlationId: 'c',
    filename: 'a.mp4',
    contentType: 'video/mp4',
    size,
  });

it('expires pending uploads past their deadline, deleting their object and parts; completed ones stay', async () => {
  const lone = await start(100);
  if (lone.urls.method !== 'single') throw new Error('single expected');
  await putBytes(lone.urls.put.url, randomBytes(100), lone.urls.put.headers);
  const parted = await start(7 * MiB);
  if (parted.urls.method !== 'multipart') throw new Error('multipart expected');
  await putBytes(parted.urls.parts[0]?.url ?? '', randomBytes(5 * MiB));
  const done = await start(10);
  if (done.urls.method !== 'single') throw new Error('single expected');
  await putBytes(done.urls.put.url, randomBytes(10), done.urls.put.headers);
  await world.app.complete({ uploadId: done.upload.uploadId, ownerId: 'bob', correlationId: 'c' });

  expect(await world.app.expireDueUploads()).toBe(0);
  world.advance(3600);
  expect(await world.app.expireDueUploads()).toBe(2);

  expect(await world.eventTypes(lone.upload.uploadId)).toEqual(['UploadInitiated', 'UploadExpired']);
  expect(await world.eventTypes(parted.upload.uploadId)).toEqual(['UploadInitiated', 'UploadExpired']);
  expect(await world.uploads.head(lone.upload.key)).toBeNull();
  expect(await world.uploads.list('_multipart/')).toEqual([]);
  expect(await world.eventTypes(done.upload.uploadId)).toEqual(['UploadInitiated', 'UploadCompleted']);
  expect(await world.deadlines.due(new Date(Date.now() + 10 * 24 * 3600_000), 100)).toEqual([]);
  await expect(
    world.app.complete({ uploadId: lone.upload.uploadId, ownerId: 'bob', correlationId: 'c' }),
  ).rejects.toMatchObject({ code: 'UPLOAD_EXPIRED' });
  expect(await world.app.expireDueUploads()).toBe(0);
});

it('forgets a deadline whose upload was never appended (a crash between the two writes)', async () => {
  await world.deadlines.schedule({
    uploadId: 'up_01JDQ0000000000000000000QQ',
    ownerId: 'bob',
    expiresAt: new Date(0),
  });
  expect(await world.app.expireDueUploads()).toBe(0);
  expect(await world.deadlines.due(new Date(Date.now() + 10 * 24 * 3600_000), 100)).toEqual([]);
});

it('aborts at once: bytes deleted, status aborted, aborting again answers the same', async () => {
  const { upload, urls } = await start(50);
  if (urls.method !== 'single') throw new Error('single expected');
  await putBytes(urls.put.url, randomBytes(50), urls.put.headers);
  expect(await world.app.abort({ uploadId: upload.uploadId, ownerId: 'bob', correlationId: 'c' })).toEqual({
    uploadId: upload.uploadId,
    status: 'aborted',
  });
  expect(await world.uploads.head(upload.key)).toBeNull();
  expect(await world.app.abort({ uploadId: upload.uploadId, ownerId: 'bob', correlationId: 'c' })).toEqual({
    uploadId: upload.uploadId,
    status: 'aborted',
  });
  expect(await world.eventTypes(upload.uploadId)).toEqual(['UploadInitiated', 'UploadAborted']);
  await expect(
    world.app.abort({ uploadId: upload.uploadId, ownerId: 'eve', correlationId: 'c' }),
  ).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
});

it('fails a URL ingest whose fetch stopped renewing its lease (a crash) with SOURCE_FETCH_INTERRUPTED', async () => {
  // What a process killed mid-fetch leaves: the upload fetching, its lease written, no fetch running.
  const { upload } = await initiateFromUrl(world.app.deps, { ownerId: 'bob', correlationId: 'c', sourceUrl: 'http://127.0.0.1:1/clip.mp4' });
  expect(await world.app.get(upload.uploadId, 'bob')).toMatchObject({ status: 'fetching' });
  expect(await world.app.expireDueUploads()).toBe(0);
  world.advance(66);
  expect(await world.app.expireDueUploads()).toBe(1);
  expect(await world.eventTypes(upload.uploadId)).toEqual(['UploadInitiated', 'UploadFailed']);
  expect(await world.app.get(upload.uploadId, 'bob')).toMatchObject({ status: 'failed', failure: { code: 'SOURCE_FETCH_INTERRUPTED' } });
  expect(await world.deadlines.due(new Date(Date.now() + 10 * 24 * 3600_000), 100)).toEqual([]);
});
