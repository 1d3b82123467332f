// URL ingest end to end in embedded mode: POST /v1/uploads with a sourceUrl, the service fetches from
// a real local HTTP server, shows progress, and completes (UploadCompleted on the bus) or fails with
// its code; the request-time refusals are problem+json. Loopback sources are allowed embedded by
// default; a second service with MEDIAFLOW_UPLOAD_URL_ALLOW_LOOPBACK=false refuses them like AWS.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expectProblem, startIngestService, type IngestService, type LooseJson } from '../support/ingest-service';
import { startSourceServer, type SourceServer } from '../support/source-server';

const MiB = 1024 * 1024;
const ENV = {
  MEDIAFLOW_UPLOAD_MAX_BYTES: String(1 * MiB),
  MEDIAFLOW_UPLOAD_URL_TTL_SECONDS: '600',
  MEDIAFLOW_UPLOAD_EXPIRY_SECONDS: '3600',
  MEDIAFLOW_UPLOAD_URL_MAX_REDIRECTS: '2',
};
const bytes = randomBytes(256 * 1024);
let svc: IngestService;
let source: SourceServer;

beforeAll(async () => {
  source = await startSourceServer(bytes);
  svc = await startIngestService(ENV);
});
afterAll(async () => {
  await svc?.close();
  await source?.close();
});

const waitForUpload = async (uploadId: string, done: (u: LooseJson) => boolean, timeoutMs = 10_000): Promise<LooseJson> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await svc.api('GET', `/v1/uploads/${uploadId}`);
    if (done(json) || Date.now() > deadline) return json;
    await new Promise((r) => setTimeout(r, 25));
  }
};
const settled = (u: LooseJson) => u.status !== 'fetching' && u.status !== 'pending';

/** Files left under the data dir for an upload: none after a failure. */
const storedFiles = (uploadId: string): string[] =>
  (fs.readdirSync(svc.dir, { recursive: true }) as string[]).filter((p) => p.includes(uploadId) && fs.statSync(path.join(svc.dir, p)).isFile());

const ingest = (sourceUrl: string, extra: object = {}) => svc.api('POST', '/v1/uploads', { body: { sourceUrl, ...extra } });

describe('URL ingest (embedded)', () => {
  it('fetches the source, shows it fetching, then completes and publishes UploadCompleted', async () => {
    const created = await ingest(`${source.url}/clip.mp4`, { profile: 'sd' });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ status: 'fetching', method: 'url', sourceUrl: `${source.url}/clip.mp4`, filename: 'clip.mp4' });
    expect(created.headers.get('location')).toBe(`/v1/uploads/${created.json.uploadId}`);
    const done = await waitForUpload(created.json.uploadId, settled);
    expect(done).toMatchObject({ status: 'completed', size: bytes.length, contentType: 'video/mp4', jobId: expect.any(String) });
    expect(storedFiles(created.json.uploadId)).toContainEqual(expect.stringMatching(/objects\/alice\/up_\w+\/source$/));
    const [event] = await svc.publishedFor(created.json.uploadId);
    expect(event?.detail.data).toMatchObject({
      uploadId: created.json.uploadId,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      profile: 'sd',
    });
  });

  it('shows bytes received while the source is still sending', async () => {
    const created = await ingest(`${source.url}/stall`, { filename: 'slow.mp4' });
    const half = Math.floor(bytes.length / 2);
    const midway = await waitForUpload(created.json.uploadId, (u) => u.fetch?.receivedBytes === half);
    expect(midway).toMatchObject({ status: 'fetching', fetch: { receivedBytes: half, totalBytes: bytes.length } });
    source.release();
    expect(await waitForUpload(created.json.uploadId, settled)).toMatchObject({ status: 'completed', filename: 'slow.mp4' });
  });

  it('follows redirects', async () => {
    const created = await ingest(`${source.url}/redirect?to=/clip.mp4`);
    expect(await waitForUpload(created.json.uploadId, settled)).toMatchObject({ status: 'completed', size: bytes.length });
  });

  it.each([
    ['a 404', '/missing', 'SOURCE_HTTP_ERROR'],
    ['too many redirects', '/loop', 'SOURCE_TOO_MANY_REDIRECTS'],
    ['a declared length over the limit', '/declared-too-large', 'SOURCE_TOO_LARGE'],
    ['an endless body over the limit', '/endless', 'SOURCE_TOO_LARGE'],
  ])('fails on %s with its code and keeps no bytes', async (_name, sourcePath, code) => {
    const created = await ingest(`${source.url}${sourcePath}`);
    expect(created.status).toBe(202);
    const failed = await waitForUpload(created.json.uploadId, settled);
    expect(failed).toMatchObject({ status: 'failed', failure: { code, reason: expect.any(String) } });
    expect(storedFiles(created.json.uploadId)).toEqual([]);
    // The source was let go of, not left open until a timeout.
    await waitForUpload(created.json.uploadId, () => source.openResponses() === 0, 2000);
    expect(source.openResponses()).toBe(0);
    const published = await svc.publishedFor(created.json.uploadId);
    expect(published.map((e) => [e['detail-type'], (e.detail.data as { code?: string }).code])).toEqual([['UploadFailed', code]]);
  });

  it('fails an unreachable source', async () => {
    const created = await ingest('http://127.0.0.1:1/clip.mp4');
    expect(await waitForUpload(created.json.uploadId, settled)).toMatchObject({ status: 'failed', failure: { code: 'SOURCE_UNREACHABLE' } });
  });

  it('refuses a bad scheme, and size or sha256 beside a sourceUrl, at request time', async () => {
    expectProblem(await ingest('ftp://media.example.com/clip.mp4'), 422, 'SOURCE_URL_INVALID');
    expectProblem(await ingest(`${source.url}/clip.mp4`, { profile: 'nope' }), 400, 'PROFILE_UNKNOWN');
    expectProblem(await ingest(`${source.url}/clip.mp4`, { contentType: 'text/html' }), 415, 'CONTENT_TYPE_NOT_ALLOWED');
    expectProblem(await ingest(`${source.url}/clip.mp4`, { size: 10 }), 400, 'VALIDATION_FAILED');
    expectProblem(await svc.api('POST', '/v1/uploads', { body: { filename: 'a.mp4', contentType: 'video/mp4' } }), 400, 'VALIDATION_FAILED');
  });

  it('stops a stalled fetch when the upload is aborted, and keeps no bytes', async () => {
    const created = await ingest(`${source.url}/stall`);
    await waitForUpload(created.json.uploadId, (u) => u.fetch?.receivedBytes > 0);
    expect((await svc.api('POST', `/v1/uploads/${created.json.uploadId}/abort`)).json).toMatchObject({ status: 'aborted' });
    // The fetch notices at its next beat and lets go of the source: the stalled response is closed.
    await waitForUpload(created.json.uploadId, () => source.openResponses() === 0);
    expect(source.openResponses()).toBe(0);
    expect(storedFiles(created.json.uploadId)).toEqual([]);
    expect((await svc.api('GET', `/v1/uploads/${created.json.uploadId}`)).json).toMatchObject({ status: 'aborted' });
  });

  it('answers 409 UPLOAD_FETCHING to a client completing a URL ingest', async () => {
    const created = await ingest(`${source.url}/stall`);
    expectProblem(await svc.api('POST', `/v1/uploads/${created.json.uploadId}/complete`), 409, 'UPLOAD_FETCHING');
    source.release();
    await waitForUpload(created.json.uploadId, settled);
  });
});

describe('URL ingest with the loopback refused (the AWS default)', () => {
  let strict: IngestService;
  beforeAll(async () => {
    strict = await startIngestService({ ...ENV, MEDIAFLOW_UPLOAD_URL_ALLOW_LOOPBACK: 'false' });
  });
  afterAll(() => strict?.close());

  it.each([
    ['127.0.0.1', () => `${source.url}/clip.mp4`, 'SOURCE_ADDRESS_LOOPBACK'],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', 'SOURCE_ADDRESS_INTERNAL'],
    ['localhost', () => `http://localhost:${source.port}/clip.mp4`, 'SOURCE_ADDRESS_LOOPBACK'],
  ])('refuses %s with 422 %s and fetches nothing', async (_name, url, code) => {
    const before = source.count();
    expectProblem(await strict.api('POST', '/v1/uploads', { body: { sourceUrl: url() } }), 422, code);
    expect(source.count()).toBe(before);
  });
});
