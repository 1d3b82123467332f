// The AWS face of prefix URLs: the same signed URL answers a 302 to a short-lived presigned GET for
// media, streams playlists itself (so relative segment paths resolve against our URL, token kept),
// and refuses what the embedded endpoint refuses.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { HttpServerHandle } from '@mediaflow/http';
import { BlobUrlSigner, createBlobRedirectRouter } from '../src';
import { SECRET, startApp } from './support/blob-server';

let dir: string;
let server: HttpServerHandle;
let signer: BlobUrlSigner;
const presigned: Array<{ key: string; ttl: number }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blob-redirect-'));
  // Stands in for S3BlobStorage: its presignGet is all the router asks of it besides playlists.
  const outputs = new LocalDiskBlobStorage({
    root: dir,
    urlSigner: (key, ttl) => {
      presigned.push({ key, ttl });
      return `https://bucket.s3.example/${key}?X-Amz-Expires=${ttl}`;
    },
  });
  await outputs.put('bob/job_9/hls/master.m3u8', Buffer.from('#EXTM3U\n720p/playlist.m3u8\n'), {
    contentType: 'application/vnd.apple.mpegurl',
  });
  await outputs.put('bob/job_9/hls/720p/seg_00001.m4s', Buffer.from('segment'), {
    contentType: 'video/iso.segment',
  });
  server = await startApp(
    createBlobRedirectRouter({ storages: { outputs }, secret: SECRET, redirectTtlSeconds: 120 }),
  );
  signer = new BlobUrlSigner({ secret: SECRET, baseUrl: server.url });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('blob redirect router (AWS)', () => {
  it('redirects a segment to a presigned GET of exactly its key', async () => {
    const base = signer.signPrefix('outputs', 'bob/job_9', 600);
    const res = await fetch(new URL('hls/720p/seg_00001.m4s', base), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'https://bucket.s3.example/bob/job_9/hls/720p/seg_00001.m4s?X-Amz-Expires=120',
    );
    expect(presigned.at(-1)).toEqual({ key: 'bob/job_9/hls/720p/seg_00001.m4s', ttl: 120 });
  });

  it('serves playlists itself, so their relative paths keep our token', async () => {
    const base = signer.signPrefix('outputs', 'bob/job_9', 600);
    const res = await fetch(new URL('hls/master.m3u8', base), { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(await res.text()).toContain('720p/playlist.m3u8');
  });

  it('refuses forged, expired and out-of-prefix URLs before presigning anything', async () => {
    const count = presigned.length;
    const good = signer.signPrefix('outputs', 'bob/job_9', 600);
    const old = new BlobUrlSigner({
      secret: SECRET,
      baseUrl: server.url,
      now: () => Date.now() - 3_600_000,
    }).signPrefix('outputs', 'bob/job_9', 60);
    const cases: Array<[string, string]> = [
      [good.replace('/bob/job_9/', '/bob/job_8/') + 'x.m4s', 'URL_SIGNATURE_INVALID'],
      [
        new BlobUrlSigner({ secret: `${SECRET}x`, baseUrl: server.url }).signPrefix(
          'outputs',
          'bob/job_9',
          60,
        ) + 'hls/720p/seg_00001.m4s',
        'URL_SIGNATURE_INVALID',
      ],
      [old + 'hls/720p/seg_00001.m4s', 'URL_EXPIRED'],
    ];
    for (const [url, code] of cases) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect(presigned.length).toBe(count);
  });
});
