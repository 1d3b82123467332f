// Deliveries end to end in embedded mode: events published on the bus reach a receiver on 127.0.0.1
// signed per Standard Webhooks (checked by an independent verifier), filtered per subscription and
// owner, once per event even when the bus redelivers, retried until the receiver recovers.
import { randomUUID } from 'node:crypto';
import { verifyStandardWebhook } from '../../src/testing';
import { startReceiver, type ScriptedAnswer, type WebhookReceiver } from '../support/webhook-receiver';
import { api, eventually, startNotifications, tempDataDir, type RunningNotifications } from '../support/embedded-notifications';

const manifest = { outputs: [{ key: 'owner-a/job_1/master.m3u8', kind: 'hls-master' as const, sizeBytes: 512, sha256: 'a'.repeat(64) }] };

describe('webhook deliveries (embedded)', () => {
  const data = tempDataDir();
  let running: RunningNotifications;
  let asA: ReturnType<typeof api>;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    running = await startNotifications(data.dir);
    asA = api(running.url, await running.token('owner-a'));
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(async () => {
    await running.stop();
    data.remove();
  });

  const subscribe = async (url: string, eventTypes?: string[]) => {
    const created = await asA('POST', '/v1/webhooks', { url, ...(eventTypes ? { eventTypes } : {}) });
    expect(created.status).toBe(201);
    return { id: created.body?.id as string, secret: created.body?.secret as string };
  };
  const attempts = async (id: string) => ((await asA('GET', `/v1/webhooks/${id}/deliveries`)).body?.items ?? []) as Record<string, unknown>[];

  it("delivers the owner's matching events, signed so an independent verifier accepts them", async () => {
    receiver = await startReceiver();
    const { id, secret } = await subscribe(receiver.url, ['JobCompleted']);
    await running.publish('JobCreated', { jobId: 'job_1', uploadId: 'up_1', input: { key: 'owner-a/up_1/source' }, profile: 'default' }, 'owner-a');
    await running.publish('JobCompleted', { jobId: 'job_other', manifest }, 'owner-b');
    const eventId = await running.publish('JobCompleted', { jobId: 'job_1', manifest }, 'owner-a');
    const [request] = await receiver.waitFor(1);
    expect(() => verifyStandardWebhook(secret, request!.headers, request!.body)).not.toThrow();
    expect(request!.headers['webhook-id']).toBe(eventId);
    expect(JSON.parse(request!.body)).toEqual({ type: 'JobCompleted', timestamp: expect.any(String), version: 1, data: { jobId: 'job_1', manifest } });
    const [logged] = await eventually(async () => ((await attempts(id)).length > 0 ? attempts(id) : undefined));
    expect(logged).toMatchObject({ eventId, eventType: 'JobCompleted', attempt: 1, outcome: 'delivered', responseStatus: 204, error: null, nextAttemptAt: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('delivers a redelivered bus event once', async () => {
    receiver = await startReceiver();
    const { id } = await subscribe(receiver.url);
    const eventId = randomUUID();
    await running.publish('JobCancelled', { jobId: 'job_2' }, 'owner-a', eventId);
    await running.publish('JobCancelled', { jobId: 'job_2' }, 'owner-a', eventId);
    await running.publish('JobCancelled', { jobId: 'job_3' }, 'owner-a');
    await receiver.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.map((r) => r.headers['webhook-id']).filter((w) => w === eventId)).toHaveLength(1);
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('retries a failing receiver with the same id and body until it succeeds, re-signing each attempt', async () => {
    const script: ScriptedAnswer[] = [{ status: 500 }, { status: 503, headers: { 'retry-after': '0' } }, { status: 200 }];
    receiver = await startReceiver((_r, i) => script[i] ?? { status: 200 });
    const { id, secret } = await subscribe(receiver.url);
    await running.publish('JobFailed', { jobId: 'job_4', code: 'TRANSCODE_FAILED', reason: 'ffmpeg exited 1', attempts: 3 }, 'owner-a');
    const requests = await receiver.waitFor(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    requests.forEach((r) => expect(() => verifyStandardWebhook(secret, r.headers, r.body)).not.toThrow());
    const log = await eventually(async () => {
      const entries = await attempts(id);
      return entries.length === 3 ? entries : undefined;
    });
    expect(log.map((e) => [e.attempt, e.outcome, e.responseStatus])).toEqual([[3, 'delivered', 200], [2, 'retrying', 503], [1, 'retrying', 500]]);
    expect(log[2]?.nextAttemptAt).toEqual(expect.any(String));
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('disables the subscription when the receiver answers 410 Gone, and resumes after enable', async () => {
    let gone = true;
    receiver = await startReceiver(() => ({ status: gone ? 410 : 204 }));
    const { id } = await subscribe(receiver.url);
    await running.publish('JobCancelled', { jobId: 'job_5' }, 'owner-a');
    const disabled = await eventually(async () => {
      const body = (await asA('GET', `/v1/webhooks/${id}`)).body;
      return body?.status === 'disabled' ? body : undefined;
    });
    expect(disabled).toMatchObject({ disabledReason: 'ENDPOINT_GONE', recentDeliveries: [expect.objectContaining({ outcome: 'gone', responseStatus: 410 })] });
    await running.publish('JobCancelled', { jobId: 'job_6' }, 'owner-a');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
    gone = false;
    expect((await asA('POST', `/v1/webhooks/${id}/enable`)).body).toMatchObject({ status: 'active', disabledReason: null });
    await running.publish('JobCancelled', { jobId: 'job_7' }, 'owner-a');
    const [, resumed] = await receiver.waitFor(2);
    expect(JSON.parse(resumed!.body)).toMatchObject({ data: { jobId: 'job_7' } });
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('cancels pending deliveries of a deleted subscription', async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const { id } = await subscribe(receiver.url);
    await running.publish('JobCancelled', { jobId: 'job_8' }, 'owner-a');
    await receiver.waitFor(1);
    await asA('DELETE', `/v1/webhooks/${id}`);
    const seen = receiver.received.length;
    await new Promise((r) => setTimeout(r, 400));
    // At most the attempt already in flight; without the cancellation all 5 attempts would arrive.
    expect(receiver.received.length).toBeLessThanOrEqual(seen + 1);
    expect(receiver.received.length).toBeLessThan(5);
  });
});
