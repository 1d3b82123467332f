// Deliveries across failure: a subscription whose endpoint keeps failing is disabled (and its pending
// delivery cancelled), and a delivery pending when the process stops is delivered after a restart.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook } from '../../src/testing';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { api, eventually, startNotifications, tempDataDir, testSettings, type RunningNotifications } from '../support/embedded-notifications';

const freePort = async (): Promise<number> => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('webhook resilience (embedded)', () => {
  const data = tempDataDir();
  let running: RunningNotifications | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await running?.stop();
    await receiver?.close();
    running = undefined;
    receiver = undefined;
  });
  afterAll(() => data.remove());

  it('disables a subscription after sustained failure and cancels what was pending', async () => {
    running = await startNotifications(`${data.dir}/sustained`, testSettings({ webhooks: { disable: { afterConsecutiveFailures: 3, afterFailingSeconds: 0 }, retry: { delaysSeconds: [0.05], maxAttempts: 10, maxRetryAfterSeconds: 1, jitterFraction: 0 } } }));
    const asA = api(running.url, await running.token('owner-a'));
    receiver = await startReceiver(() => ({ status: 500, body: 'database down' }));
    const id = (await asA('POST', '/v1/webhooks', { url: receiver.url })).body?.id as string;
    await running.publish('TranscodeFailed', { jobId: 'job_1', attempt: 1, code: 'RUNNER_STALLED', reason: 'no progress', retryable: true }, 'owner-a');
    const disabled = await eventually(async () => {
      const body = (await asA('GET', `/v1/webhooks/${id}`)).body;
      return body?.status === 'disabled' ? body : undefined;
    });
    expect(disabled).toMatchObject({ disabledReason: 'SUSTAINED_FAILURE', disabledDetail: expect.stringContaining('3 consecutive failed attempts') });
    const log = await eventually(async () => {
      const items = (await asA('GET', `/v1/webhooks/${id}/deliveries`)).body?.items as { outcome: string; error: string | null }[];
      return items[0]?.outcome === 'cancelled' ? items : undefined;
    });
    expect(log.map((e) => e.outcome)).toEqual(['cancelled', 'retrying', 'retrying', 'retrying']);
    expect(log[1]?.error).toBe('HTTP 500: database down');
    expect(receiver.received).toHaveLength(3);
  });

  it('delivers after a restart what was pending when the process stopped', async () => {
    const dir = `${data.dir}/restart`;
    const port = await freePort();
    running = await startNotifications(dir, testSettings({ webhooks: { retry: { delaysSeconds: [0.3], maxAttempts: 50, maxRetryAfterSeconds: 1, jitterFraction: 0 } } }));
    const asA = api(running.url, await running.token('owner-a'));
    const { id, secret } = (await asA('POST', '/v1/webhooks', { url: `http://127.0.0.1:${port}/hook` })).body as { id: string; secret: string };
    const eventId = await running.publish('JobCompleted', { jobId: 'job_9', manifest: { outputs: [{ key: 'a/b/c.mp4', kind: 'mp4', sizeBytes: 1, sha256: 'b'.repeat(64) }] } }, 'owner-a');
    // Nothing listens on the port yet: the first attempt fails and a retry is scheduled.
    await eventually(async () => ((await asA('GET', `/v1/webhooks/${id}/deliveries`)).body?.items as unknown[]).length > 0 || undefined);
    await running.stop();

    receiver = await startReceiver(undefined, { port });
    running = await startNotifications(dir);
    const [request] = await receiver.waitFor(1);
    expect(request?.headers['webhook-id']).toBe(eventId);
    expect(() => verifyStandardWebhook(secret, request!.headers, request!.body)).not.toThrow();
    const asAgain = api(running.url, await running.token('owner-a'));
    const log = await eventually(async () => {
      const items = (await asAgain('GET', `/v1/webhooks/${id}/deliveries`)).body?.items as { outcome: string }[];
      return items[0]?.outcome === 'delivered' ? items : undefined;
    });
    expect(log.at(-1)).toMatchObject({ outcome: 'retrying', error: expect.stringMatching(/^NETWORK_ERROR/) });
  });
});
