// The whole pipeline on the production AWS adapters, against the emulator (moto, one per jest worker):
// a clip goes up through a presigned S3 PUT, follows the job to completed, plays back through the
// API's signed prefix URL (playlists from the API, media as 302s to presigned S3 GETs, checked with
// ffprobe), with signed webhooks and the live SSE stream. Another owner sees nothing.
//
// Production-identical: each service's AWS composition root (`createAwsService`), so DynamoDB event
// stores, outboxes and read-model tables, the relays publishing to EventBridge, the rules feeding each
// service's SQS inbox and its consumer, S3 through presigned URLs (upload, probe, runner input and
// outputs, playback redirects); the resources come from the emulator bootstrap, which reads the same
// declarations as the cdktf stacks; auth through loadAuthConfig/createTokenVerifier.
// Substituted:
// - Runner dispatch: moto registers ECS tasks but never runs them, so processing dispatches to a local
//   child-process pool (`createAwsService(..., { runnerDispatch: 'local' })`). The runner itself is the
//   Fargate container's entrypoint in AWS mode (input through a presigned S3 GET, outputs to S3), but
//   it reports over IPC to its parent instead of appending to processing's table (EventStoreRunReporter,
//   covered by processing's runner-store-reporting.aws test); RunTask's request is covered by
//   processing's ecs-runner-dispatcher.aws test.
// - One process and one HTTP port for the four services (on AWS each has its own api and worker task).
// - HS256 tokens (MEDIAFLOW_JWT_SECRET) instead of a Cognito JWKS URL: the same loadAuthConfig and
//   createTokenVerifier, its HS256 branch; webhooks may target http://127.0.0.1
//   (MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK).
// Emulator limits: moto accepts any S3 signature, so the presigned URLs are checked for shape and host
// only (the API's own prefix token is checked for real); consumers keep the production 20 s long poll,
// which moto ends as soon as a message arrives.
import fs from 'node:fs';
import { generateClip } from '@mediaflow/processing/testing';
import { startAwsTestDeployment, type AwsTestDeployment } from '../src/aws-deployment';
import { fetchBlob, firstRenditionOf, probeSegment, probeStreams } from '../src/aws-playback';
import { openSse } from '../src/sse-client';
import { startWebhookReceiver } from '../src/webhook-receiver';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const waitUntil = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe(`end to end on the AWS adapters @ ${process.env.AWS_ENDPOINT_URL ?? '(no emulator)'}`, () => {
  let t: AwsTestDeployment;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    t = await startAwsTestDeployment();
    receiver = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  it('takes a clip from a presigned S3 PUT to HLS played through presigned S3 GETs, with signed webhooks and live progress', async () => {
    const s3 = new URL(t.endpoint).origin;
    const hook = await t.owner.call('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['*'] });
    expect(hook.status).toBe(201);
    receiver.setSecret(hook.body.secret);
    const sse = openSse(`${t.url}/v1/events`, t.ownerToken);

    // The bytes go straight to S3, never through the API.
    const clip = await generateClip('landscape');
    const bytes = fs.readFileSync(clip.path);
    const created = await t.owner.call('POST', '/v1/uploads', {
      filename: 'landscape.mp4',
      contentType: 'video/mp4',
      size: bytes.length,
      profile: 'sd',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ method: 'single', url: expect.stringMatching(/X-Amz-Signature=/) });
    expect(new URL(created.body.url).origin).toBe(s3);
    const put = await fetch(created.body.url, { method: 'PUT', headers: created.body.headers, body: bytes });
    expect(put.status).toBe(200);
    const done = await t.owner.call('POST', `/v1/uploads/${created.body.uploadId}/complete`, {});
    expect(done.status).toBe(200);
    const { jobId } = done.body as { jobId: string };

    const job = await t.owner.waitForJob(jobId, ['completed', 'failed', 'rejected'], 90_000);
    expect({ status: job.status, error: job.error }).toEqual({ status: 'completed', error: undefined });
    expect(job.attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'completed',
        runnerId: expect.stringMatching(/^local-/),
      }),
    ]);

    // Playback: playlists from the API under the signed prefix, media as 302s to presigned S3 GETs.
    const masterUrl: string = job.outputs.playbackUrl;
    expect(masterUrl.startsWith(`${t.url}/blobs/outputs/t/`)).toBe(true);
    const master = await fetchBlob(masterUrl);
    expect({ status: master.status, redirectedTo: master.redirectedTo }).toEqual({
      status: 200,
      redirectedTo: undefined,
    });
    const masterText = master.bytes.toString('utf8');
    expect(masterText).toMatch(/#EXT-X-STREAM-INF:.*RESOLUTION=\d+x\d+/);
    const rendition = await firstRenditionOf(masterUrl, masterText);
    expect(rendition.playlist.redirectedTo).toBeUndefined();
    expect(rendition.segment.status).toBe(200);
    expect(new URL(rendition.segment.redirectedTo ?? 'about:blank').origin).toBe(s3);
    expect(rendition.segment.redirectedTo).toMatch(/X-Amz-Signature=/);
    // The prefix token is the only credential: a forged one gets no redirect.
    const forged = await fetch(rendition.segment.url.replace('/t/', '/t/A'), { redirect: 'manual' });
    const problem = (await forged.json()) as { code: string };
    expect({ status: forged.status, code: problem.code }).toEqual({
      status: 403,
      code: 'URL_SIGNATURE_INVALID',
    });
    const segmentStreams = await probeSegment(rendition);
    expect(segmentStreams.some((s) => s.codec_type === 'video' && (s.height ?? 0) > 0)).toBe(true);

    // ffprobe reads the whole ladder through the same URL, as a player would.
    const streams = await probeStreams(masterUrl);
    const heights = streams.filter((s) => s.codec_type === 'video').map((s) => s.height ?? 0);
    expect(heights.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...heights)).toBeLessThanOrEqual(1080);
    expect(streams.some((s) => s.codec_type === 'audio')).toBe(true);

    // Webhooks: signed per Standard Webhooks, ending with JobCompleted.
    await waitUntil(() => receiver.deliveries.some((d) => d.type === 'JobCompleted'), 30_000);
    expect(receiver.deliveries.length).toBeGreaterThan(2);
    expect(receiver.deliveries.filter((d) => !d.signatureValid)).toEqual([]);

    // Live stream: progress, then completion, in order.
    await waitUntil(() => sse.events.some((e) => e.event === 'JobCompleted'), 15_000);
    sse.close();
    const names = sse.events.map((e) => e.event);
    expect(names).toContain('TranscodeProgressed');
    expect(names.indexOf('TranscodeStarted')).toBeLessThan(names.indexOf('JobCompleted'));

    // Another owner: neither the upload nor the job exists for them.
    expect((await t.other.call('GET', `/v1/jobs/${jobId}`)).status).toBe(404);
    expect((await t.other.call('GET', `/v1/uploads/${created.body.uploadId}`)).status).toBe(404);
    expect((await t.other.call('GET', '/v1/jobs')).body.items ?? []).toEqual([]);
  }, 150_000);
});
