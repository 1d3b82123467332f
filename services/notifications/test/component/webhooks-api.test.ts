// The webhook API end to end in embedded mode: real routers, auth, SQLite files and the event store;
// ownership (another owner gets 404) and every bad input answered as problem+json with a stable code.
import { api, startNotifications, tempDataDir, type RunningNotifications } from '../support/embedded-notifications';

describe('webhook API (embedded)', () => {
  const data = tempDataDir();
  let running: RunningNotifications;
  let asA: ReturnType<typeof api>;
  let asB: ReturnType<typeof api>;
  beforeAll(async () => {
    running = await startNotifications(data.dir);
    asA = api(running.url, await running.token('owner-a'));
    asB = api(running.url, await running.token('owner-b'));
  });
  afterAll(async () => {
    await running.stop();
    data.remove();
  });

  it('creates a webhook and shows its secret once, never again', async () => {
    const created = await asA('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['JobCompleted', 'JobFailed'], description: 'ops' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', eventTypes: ['JobCompleted', 'JobFailed'], description: 'ops', status: 'active', disabledReason: null });
    expect(created.body?.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = created.body?.id as string;
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${id}`);

    const listed = await asA('GET', '/v1/webhooks');
    expect(listed.status).toBe(200);
    const items = listed.body?.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toContain(id);
    expect(items.every((i) => !('secret' in i))).toBe(true);

    const one = await asA('GET', `/v1/webhooks/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, recentDeliveries: [] });
    expect(one.body).not.toHaveProperty('secret');
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it("answers 404 for another owner's webhook, whatever the method, and hides it from their list", async () => {
    const id = (await asA('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/a' })).body?.id as string;
    for (const [method, path] of [['GET', `/v1/webhooks/${id}`], ['GET', `/v1/webhooks/${id}/deliveries`], ['DELETE', `/v1/webhooks/${id}`], ['POST', `/v1/webhooks/${id}/enable`]] as const) {
      const answer = await asB(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    }
    expect((await asB('GET', '/v1/webhooks')).body).toEqual({ items: [] });
    expect((await asA('GET', `/v1/webhooks/${id}`)).status).toBe(200);
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('deletes with 204; the webhook is then gone for every route', async () => {
    const id = (await asA('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/b' })).body?.id as string;
    const deleted = await asA('DELETE', `/v1/webhooks/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await asA('GET', `/v1/webhooks/${id}`)).status).toBe(404);
    expect((await asA('DELETE', `/v1/webhooks/${id}`)).body).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    expect(((await asA('GET', '/v1/webhooks')).body?.items as { id: string }[]).map((i) => i.id)).not.toContain(id);
  });

  it('enables an active webhook as a no-op', async () => {
    const id = (await asA('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/c' })).body?.id as string;
    const enabled = await asA('POST', `/v1/webhooks/${id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ id, status: 'active' });
    await asA('DELETE', `/v1/webhooks/${id}`);
  });

  it('refuses more webhooks than the per-owner limit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await asA('POST', '/v1/webhooks', { url: `http://127.0.0.1:9/${i}` })).body?.id as string);
    const over = await asA('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/over' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'WEBHOOK_LIMIT_REACHED' });
    for (const id of ids) await asA('DELETE', `/v1/webhooks/${id}`);
  });

  describe('bad inputs answer problem+json with a stable code', () => {
    it.each([
      ['a relative URL', { url: '/hook' }, 400, 'WEBHOOK_URL_INVALID'],
      ['an ftp URL', { url: 'ftp://example.com/hook' }, 400, 'WEBHOOK_URL_INVALID'],
      ['credentials in the URL', { url: 'https://u:p@example.com/hook' }, 400, 'WEBHOOK_URL_INVALID'],
      ['plain http to a public host', { url: 'http://example.com/hook' }, 400, 'WEBHOOK_URL_NOT_HTTPS'],
      ['a private address', { url: 'https://10.0.0.8/hook' }, 400, 'WEBHOOK_URL_FORBIDDEN'],
      ['the cloud metadata address', { url: 'https://169.254.169.254/latest' }, 400, 'WEBHOOK_URL_FORBIDDEN'],
      ['an unknown event type', { url: 'http://127.0.0.1:9/x', eventTypes: ['JobExploded'] }, 400, 'WEBHOOK_EVENT_TYPE_UNKNOWN'],
      ['an event notifications does not forward', { url: 'http://127.0.0.1:9/x', eventTypes: ['UploadCompleted'] }, 400, 'WEBHOOK_EVENT_TYPE_UNKNOWN'],
      ['an empty event type list', { url: 'http://127.0.0.1:9/x', eventTypes: [] }, 400, 'VALIDATION_FAILED'],
      ['a missing url', { eventTypes: ['JobFailed'] }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { url: 'http://127.0.0.1:9/x', secret: 'mine' }, 400, 'VALIDATION_FAILED'],
      ['a url that is not a string', { url: 42 }, 400, 'VALIDATION_FAILED'],
    ])('%s', async (_what, body, status, code) => {
      const answer = await asA('POST', '/v1/webhooks', body);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code, status });
    });

    it('malformed JSON, a wrong content type and a log limit out of range', async () => {
      expect((await asA('POST', '/v1/webhooks', '{"url": ')).body).toMatchObject({ code: 'MALFORMED_JSON' });
      expect((await asA('POST', '/v1/webhooks', 'url=x', { 'content-type': 'text/plain' })).body).toMatchObject({ status: 415 });
      expect((await asA('GET', '/v1/webhooks/wh_x/deliveries?limit=0')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('missing, forged and expired tokens', async () => {
      expect((await api(running.url)('GET', '/v1/webhooks')).body).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
      expect((await api(running.url, 'not.a.jwt')('GET', '/v1/webhooks')).body).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
      const expired = await running.token('owner-a', -60);
      expect((await api(running.url, expired)('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/x' })).body).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    });
  });
});
