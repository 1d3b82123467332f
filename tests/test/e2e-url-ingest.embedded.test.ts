// URL ingest through the whole embedded pipeline: a local HTTP server serves a generated clip, the
// client only names its URL, and the job reaches completed with a playable ladder. A text file served
// as a video is fetched, then refused by the probe exactly as a PUT upload is (no second check in
// ingest): the upload completes, its job is rejected.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateClip } from '@mediaflow/processing/testing';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { startWebhookReceiver } from '../src/webhook-receiver';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

/** Serves files by path (/<name>) with their length, as a CDN would. */
const serveFiles = async (files: Record<string, string>) => {
  const server = http.createServer((req, res) => {
    const file = files[(req.url ?? '/').slice(1)];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': fs.statSync(file).size });
    return fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
};

describe('URL ingest, embedded end to end', () => {
  let t: TestDeployment;
  let files: Awaited<ReturnType<typeof serveFiles>>;
  beforeAll(async () => {
    const [clip, text] = await Promise.all([generateClip('landscape'), generateClip('text-as-mp4')]);
    files = await serveFiles({ 'clip.mp4': clip.path, 'text.mp4': text.path });
    t = await startTestDeployment();
  });
  afterAll(async () => {
    await t?.stop();
    await files?.close();
  });

  const ingest = async (name: string) => {
    const created = await t.owner.call('POST', '/v1/uploads', { sourceUrl: `${files.url}/${name}`, profile: 'sd' });
    expect(created.status).toBe(202);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { body } = await t.owner.call('GET', `/v1/uploads/${created.body.uploadId}`);
      if (body.status !== 'fetching' && body.status !== 'pending') return body;
      if (Date.now() > deadline) throw new Error(`upload still ${body.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('takes a clip named by URL to a completed job', async () => {
    const upload = await ingest('clip.mp4');
    expect(upload).toMatchObject({ status: 'completed', method: 'url', contentType: 'video/mp4' });
    const job = await t.owner.waitForJob(upload.jobId, ['completed', 'failed', 'rejected']);
    expect(job.status).toBe('completed');
    expect((await fetch(job.outputs.playbackUrl)).status).toBe(200);
  }, 180_000);

  it('fetches a text file served as video, and its job is rejected by the probe', async () => {
    const upload = await ingest('text.mp4');
    expect(upload.status).toBe('completed');
    const job = await t.owner.waitForJob(upload.jobId, ['completed', 'failed', 'rejected']);
    expect(job.status).toBe('rejected');
    expect(JSON.stringify(job.error ?? job.rejection ?? job)).toMatch(/MEDIA_UNSUPPORTED|NOT_MEDIA|CORRUPT/);
  }, 60_000);

  it('tells the owner of a URL ingest that failed (no job exists to tell it) with a signed UploadFailed webhook', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const hook = await t.owner.call('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['UploadFailed'] });
      expect(hook.status).toBe(201);
      receiver.setSecret(hook.body.secret);
      const upload = await ingest('missing.mp4');
      expect(upload).toMatchObject({ status: 'failed', failure: { code: 'SOURCE_HTTP_ERROR' } });
      const deadline = Date.now() + 30_000;
      while (!receiver.deliveries.some((d) => d.type === 'UploadFailed')) {
        if (Date.now() > deadline) throw new Error('no UploadFailed delivery');
        await new Promise((r) => setTimeout(r, 50));
      }
      const [delivery] = receiver.deliveries;
      expect(delivery).toMatchObject({ type: 'UploadFailed', signatureValid: true, body: { data: { uploadId: upload.uploadId, code: 'SOURCE_HTTP_ERROR' } } });
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
