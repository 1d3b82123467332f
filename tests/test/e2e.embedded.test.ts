// The whole pipeline in embedded mode, as a client sees it: upload a generated clip through the
// presigned URL, follow the job to completed, play the HLS through the returned URL (checked with
// ffprobe), and receive signed webhooks and the live SSE stream. Another owner sees nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mediaBinaries } from '@mediaflow/processing/media';
import { generateClip } from '@mediaflow/processing/testing';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { openSse } from '../src/sse-client';
import { startWebhookReceiver } from '../src/webhook-receiver';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';
const run = promisify(execFile);

describe('embedded end to end', () => {
  let t: TestDeployment;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    t = await startTestDeployment();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  it('takes a clip from upload to a playable HLS ladder, with signed webhooks and live progress', async () => {
    const hook = await t.owner.call('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['*'] });
    expect(hook.status).toBe(201);
    receiver.setSecret(hook.body.secret);
    const sse = openSse(`${t.deployment.url}/v1/events`, t.ownerToken);

    const clip = await generateClip('landscape');
    const { jobId } = await t.owner.uploadFile(clip.path, 'video/mp4', 'sd');
    const job = await t.owner.waitForJob(jobId, ['completed', 'failed', 'rejected']);
    expect(job.status).toBe('completed');
    // The attempt: queued, then started when its runner began, with the runner's own transcode time.
    const [attempt] = job.attempts as Array<{ queuedAt: string; startedAt: string; endedAt: string; transcodeSeconds: number }>;
    expect(Date.parse(attempt!.startedAt)).toBeGreaterThanOrEqual(Date.parse(attempt!.queuedAt));
    expect(attempt!.transcodeSeconds).toBeGreaterThan(0);
    expect(attempt!.transcodeSeconds).toBeLessThan((Date.parse(attempt!.endedAt) - Date.parse(attempt!.queuedAt)) / 1000);

    // The master playlist and its segments through the returned URL, as a player reads them.
    const master = await fetch(job.outputs.playbackUrl);
    expect(master.status).toBe(200);
    const text = await master.text();
    expect(text).toMatch(/#EXT-X-STREAM-INF:.*RESOLUTION=\d+x\d+/);
    const { stdout } = await run(mediaBinaries(process.env).ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_streams', job.outputs.playbackUrl]);
    const streams = JSON.parse(stdout).streams as Array<{ codec_type: string; height?: number }>;
    const heights = streams.filter((s) => s.codec_type === 'video').map((s) => s.height).sort();
    expect(heights.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...(heights as number[]))).toBeLessThanOrEqual(1080);
    expect(streams.some((s) => s.codec_type === 'audio')).toBe(true);

    // Webhooks: signed per Standard Webhooks, ending with JobCompleted.
    await waitUntil(() => receiver.deliveries.some((d) => d.type === 'JobCompleted'), 30_000);
    expect(receiver.deliveries.length).toBeGreaterThan(2);
    expect(receiver.deliveries.every((d) => d.signatureValid)).toBe(true);

    // Live stream: progress, then completion, in order.
    await waitUntil(() => sse.events.some((e) => e.event === 'JobCompleted'), 10_000);
    sse.close();
    const names = sse.events.map((e) => e.event);
    expect(names).toContain('TranscodeProgressed');
    expect(names.indexOf('TranscodeStarted')).toBeLessThan(names.indexOf('JobCompleted'));

    // Another owner: the job does not exist for them.
    expect((await t.other.call('GET', `/v1/jobs/${jobId}`)).status).toBe(404);
    expect((await t.other.call('GET', '/v1/jobs')).body.items ?? []).toEqual([]);
  }, 180_000);

  it.each([
    ['a text file named .mp4', 'text-as-mp4'],
    ['a truncated video', 'truncated-mp4'],
  ] as const)('rejects %s with a readable reason', async (_what, kind) => {
    const clip = await generateClip(kind);
    const { jobId } = await t.owner.uploadFile(clip.path, 'video/mp4', 'sd');
    const job = await t.owner.waitForJob(jobId, ['completed', 'failed', 'rejected']);
    expect(job.status).toBe('rejected');
    expect(JSON.stringify(job.error ?? job.rejection ?? job)).toMatch(/MEDIA_UNSUPPORTED|NOT_MEDIA|CORRUPT/);
  }, 60_000);

  it('answers cancel of a finished job with 409 problem+json', async () => {
    const clip = await generateClip('audio-aac');
    const { jobId } = await t.owner.uploadFile(clip.path, 'audio/mp4', 'sd');
    await t.owner.waitForJob(jobId, ['completed']);
    const cancel = await t.owner.call('POST', `/v1/jobs/${jobId}/cancel`, {});
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('JOB_ALREADY_FINISHED');
    expect(cancel.headers.get('content-type')).toMatch(/application\/problem\+json/);
  }, 60_000);

  it('serves the catalog of the events it publishes at /asyncapi.json, without a token', async () => {
    const res = await fetch(`${t.deployment.url}/asyncapi.json`);
    expect(res.status).toBe(200);
    const catalog = (await res.json()) as { asyncapi: string; components: { messages: Record<string, Record<string, unknown>> } };
    expect(catalog.asyncapi).toBe('3.0.0');
    expect(catalog.components.messages['JobCompleted.v1']).toMatchObject({ 'x-eventbridge-source': 'mediaflow.jobs', 'x-eventbridge-detail-type': 'JobCompleted' });
  });
});

const waitUntil = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
