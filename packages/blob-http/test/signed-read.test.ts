// GETs under a signed prefix token: one URL base serves an HLS tree whose playlists use relative
// paths; Range, conditional GET and cache headers; and every way out of the prefix is refused.
import { BlobUrlSigner } from '../src';
import { problemOf, rawRequest, SECRET, startBlobServer, type BlobServer } from './support/blob-server';

let server: BlobServer;
const playlist = '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2.0,\nseg_00001.m4s\n';
const segment = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  server = await startBlobServer();
  const put = (key: string, body: Buffer | string, contentType: string) =>
    server.outputs.put(key, Buffer.from(body), { contentType });
  await put('alice/job_1/hls/720p/playlist.m3u8', playlist, 'application/vnd.apple.mpegurl');
  await put('alice/job_1/hls/720p/seg_00001.m4s', segment, 'video/iso.segment');
  await put('alice/job_2/secret.mp4', 'not yours', 'video/mp4');
});
afterAll(() => server.close());

const base = () => server.signer.signPrefix('outputs', 'alice/job_1', 300);
const pathAfterOrigin = (url: string) => url.slice(server.url.length);

describe('signed prefix GET', () => {
  it('hands out one base URL ending in "/" under which relative playlist paths resolve', async () => {
    expect(base().endsWith('/alice/job_1/')).toBe(true);
    const playlistUrl = new URL('hls/720p/playlist.m3u8', base());
    const res = await fetch(playlistUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const text = await res.text();
    expect(text).toBe(playlist);
    // What a player does: resolve the segment line against the playlist's own URL, token kept.
    const seg = await fetch(new URL('seg_00001.m4s', playlistUrl));
    expect(seg.status).toBe(200);
    expect(Buffer.from(await seg.arrayBuffer())).toEqual(segment);
    expect(seg.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(seg.headers.get('accept-ranges')).toBe('bytes');
  });

  it('serves byte ranges, suffix ranges and a 416 problem past the end', async () => {
    const url = new URL('hls/720p/seg_00001.m4s', base());
    const mid = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(mid.status).toBe(206);
    expect(mid.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await mid.arrayBuffer())).toEqual(segment.subarray(10, 20));
    const tail = await fetch(url, { headers: { range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(segment.subarray(995));
    const open = await fetch(url, { headers: { range: 'bytes=990-' } });
    expect(open.headers.get('content-length')).toBe('10');
    await open.arrayBuffer();
    const past = await fetch(url, { headers: { range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
    expect(((await past.json()) as { code: string }).code).toBe('BLOB_RANGE_INVALID');
  });

  it('answers HEAD without a body and 304 to a matching If-None-Match', async () => {
    const url = new URL('hls/720p/seg_00001.m4s', base());
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('1000');
    const etag = head.headers.get('etag') ?? '';
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 problem for a missing object and for the folder URL itself', async () => {
    for (const url of [new URL('nope.m4s', base()).href, base()]) {
      const res = await fetch(url);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('BLOB_NOT_FOUND');
    }
  });

  it('refuses an expired token with URL_EXPIRED', async () => {
    const old = new BlobUrlSigner({ secret: SECRET, baseUrl: server.url, now: () => Date.now() - 7200_000 });
    const res = await fetch(
      new URL('hls/720p/playlist.m3u8', old.signPrefix('outputs', 'alice/job_1', 3600)),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('URL_EXPIRED');
  });

  it('refuses forged tokens, other secrets and paths outside the signed prefix', async () => {
    const good = base();
    const token = good.split('/t/')[1]?.split('/')[0] ?? '';
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const other = new BlobUrlSigner({ secret: `${SECRET}!`, baseUrl: server.url }).signPrefix(
      'outputs',
      'alice/job_1',
      300,
    );
    const candidates = [
      good.replace(token, flipped) + 'hls/720p/playlist.m3u8',
      good.replace(token, 'garbage') + 'hls/720p/playlist.m3u8',
      other + 'hls/720p/playlist.m3u8',
      good.replace('/alice/job_1/', '/alice/job_2/') + 'secret.mp4',
      good.replace('/outputs/', '/uploads/') + 'hls/720p/playlist.m3u8',
    ];
    for (const url of candidates) {
      const res = await fetch(url);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('URL_SIGNATURE_INVALID');
    }
  });

  it('refuses "..", encoded dots, backslashes and encoded slashes on the wire', async () => {
    const prefix = pathAfterOrigin(base());
    const hostile = [
      `${prefix}../job_2/secret.mp4`,
      `${prefix}hls/../../job_2/secret.mp4`,
      `${prefix}%2e%2e/job_2/secret.mp4`,
      `${prefix}%2E%2E%2Fjob_2%2Fsecret.mp4`,
      `${prefix}..%5cjob_2%5csecret.mp4`,
      `${prefix}..\\job_2\\secret.mp4`,
      `${prefix}hls/%00/x`,
      `${prefix}hls//720p/playlist.m3u8`,
    ];
    for (const path of hostile) {
      const res = await rawRequest(server.url, path);
      expect([400, 403]).toContain(res.status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(['BLOB_PATH_INVALID', 'URL_SIGNATURE_INVALID']).toContain(problemOf(res.body).code);
      expect(res.body).not.toContain('not yours');
    }
  });

  it('signs a single object with signGet and nothing beside it', async () => {
    const url = server.signer.signGet('outputs', 'alice/job_1/hls/720p/seg_00001.m4s', 60);
    expect((await fetch(url)).status).toBe(200);
    const sibling = url.replace('seg_00001.m4s', 'playlist.m3u8');
    expect((await fetch(sibling)).status).toBe(403);
  });
});
