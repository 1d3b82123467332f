// A rotation of the URL-signing secret: the router signs with nothing, it only checks; given the
// previous secret beside the current one, links signed before the switch keep working until they
// expire, and once the previous secret is dropped they stop.
import { BlobUrlSigner } from '../src';
import { startBlobServer, type BlobServer } from './support/blob-server';

const PREVIOUS = 'blob-http-previous-secret-0123456789abcd';
const STRANGER = 'blob-http-someone-elses-secret-012345678';

const signerFor = (server: BlobServer, secret: string, now?: () => number) =>
  new BlobUrlSigner({ secret, baseUrl: server.url, ...(now && { now }) });

describe('URL-signing secret rotation', () => {
  let rotating: BlobServer;
  let finished: BlobServer;
  beforeAll(async () => {
    rotating = await startBlobServer({ previousSecrets: [PREVIOUS] });
    finished = await startBlobServer();
    for (const server of [rotating, finished])
      await server.outputs.put('alice/job_1/hls/playlist.m3u8', Buffer.from('#EXTM3U\n'), {
        contentType: 'application/vnd.apple.mpegurl',
      });
  });
  afterAll(async () => {
    await rotating?.close();
    await finished?.close();
  });

  const getStatus = async (base: string) => {
    const res = await fetch(new URL('hls/playlist.m3u8', base));
    return { status: res.status, code: res.ok ? undefined : ((await res.json()) as { code: string }).code };
  };

  it('accepts a prefix URL signed with the current or the previous secret, not with another', async () => {
    const current = rotating.signer.signPrefix('outputs', 'alice/job_1', 300);
    const previous = signerFor(rotating, PREVIOUS).signPrefix('outputs', 'alice/job_1', 300);
    const stranger = signerFor(rotating, STRANGER).signPrefix('outputs', 'alice/job_1', 300);
    expect(await getStatus(current)).toEqual({ status: 200, code: undefined });
    expect(await getStatus(previous)).toEqual({ status: 200, code: undefined });
    expect(await getStatus(stranger)).toEqual({ status: 403, code: 'URL_SIGNATURE_INVALID' });
  });

  it('still says "expired" for an expired link signed with the previous secret', async () => {
    const anHourAgo = () => Date.now() - 3600_000;
    const expired = signerFor(rotating, PREVIOUS, anHourAgo).signPrefix('outputs', 'alice/job_1', 60);
    expect(await getStatus(expired)).toEqual({ status: 403, code: 'URL_EXPIRED' });
  });

  it('accepts an upload PUT signed with the previous secret', async () => {
    const body = Buffer.from('rotation');
    const signed = signerFor(rotating, PREVIOUS).signPut({
      bucket: 'uploads',
      key: 'alice/up_1/source',
      size: body.length,
      contentType: 'video/mp4',
      expiresInSeconds: 300,
    });
    const res = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body });
    expect(res.status).toBe(200);
    expect((await rotating.uploads.head('alice/up_1/source'))?.size).toBe(body.length);
  });

  it('refuses links signed with the previous secret once the rotation is finished', async () => {
    const previous = signerFor(finished, PREVIOUS).signPrefix('outputs', 'alice/job_1', 300);
    expect(await getStatus(previous)).toEqual({ status: 403, code: 'URL_SIGNATURE_INVALID' });
    expect(await getStatus(finished.signer.signPrefix('outputs', 'alice/job_1', 300))).toEqual({ status: 200, code: undefined });
  });

  it('refuses a previous secret too short to be one', async () => {
    await expect(startBlobServer({ previousSecrets: ['short'] })).rejects.toThrow(/at least 32 bytes/);
  });
});
