// GET /v1/events end to end in embedded mode: each owner sees only their own events, in order, with
// id/event/data; Last-Event-ID replays what was missed; heartbeats; auth through the header or
// ?access_token=; the per-owner stream limit; and server shutdown ends the streams.
import { connectSse, type SseClient } from '../support/sse-client';
import { startNotifications, tempDataDir, testSettings, type RunningNotifications } from '../support/embedded-notifications';

const progress = (jobId: string, percent: number) => ({ jobId, attempt: 1, percent });

describe('live event stream (embedded)', () => {
  const data = tempDataDir();
  let running: RunningNotifications;
  let tokenA: string;
  let tokenB: string;
  const clients: SseClient[] = [];
  const connect = async (token: string, query = '', headers: Record<string, string> = {}) => {
    const client = await connectSse(`${running.url}/v1/events${query}`, { authorization: `Bearer ${token}`, ...headers });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    running = await startNotifications(data.dir, testSettings({ stream: { heartbeatMs: 100, maxStreamsPerOwner: 3 } }));
    tokenA = await running.token('owner-a');
    tokenB = await running.token('owner-b');
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(async () => {
    await running.stop();
    data.remove();
  });

  it('streams only the caller’s events, in order, as id/event/data', async () => {
    const a = await connect(tokenA);
    const b = await connect(tokenB);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/event-stream/);
    const ids = [
      await running.publish('TranscodeStarted', { jobId: 'job_a', attempt: 1, runnerId: 'runner-1' }, 'owner-a'),
      await running.publish('TranscodeProgressed', progress('job_b', 10), 'owner-b'),
      await running.publish('TranscodeProgressed', progress('job_a', 40), 'owner-a'),
      await running.publish('JobCancelled', { jobId: 'job_a' }, 'owner-a'),
    ];
    const got = await a.waitForEvents(3);
    expect(got.map((e) => e.id)).toEqual([ids[0], ids[2], ids[3]]);
    expect(got.map((e) => e.event)).toEqual(['TranscodeStarted', 'TranscodeProgressed', 'JobCancelled']);
    expect(JSON.parse(got[1]!.data)).toEqual({ type: 'TranscodeProgressed', timestamp: expect.any(String), version: 1, data: progress('job_a', 40) });
    expect((await b.waitForEvents(1)).map((e) => e.id)).toEqual([ids[1]]);
    await new Promise((r) => setTimeout(r, 150));
    expect(a.events).toHaveLength(3);
    expect(b.events).toHaveLength(1);
  });

  it('replays what a reconnecting client missed after its Last-Event-ID, then continues live', async () => {
    const first = await connect(tokenA, '?jobId=job_r');
    const seen = await running.publish('TranscodeProgressed', progress('job_r', 1), 'owner-a');
    await first.waitForEvents(1);
    first.close();
    const missed = [
      await running.publish('TranscodeProgressed', progress('job_r', 50), 'owner-a'),
      await running.publish('TranscodeProgressed', progress('job_r', 90), 'owner-a'),
    ];
    await new Promise((r) => setTimeout(r, 150));
    const again = await connect(tokenA, '?jobId=job_r', { 'last-event-id': seen });
    expect((await again.waitForEvents(2)).map((e) => e.id)).toEqual(missed);
    const live = await running.publish('JobCancelled', { jobId: 'job_r' }, 'owner-a');
    expect((await again.waitForEvents(3))[2]?.id).toBe(live);
  });

  it('says so when Last-Event-ID is no longer in the buffer', async () => {
    const client = await connect(tokenA, '?lastEventId=evt-long-gone&jobId=job_none');
    const [notice] = await client.waitForEvents(1);
    expect(notice).toMatchObject({ event: 'replay-incomplete' });
    expect(notice?.id).toBeUndefined();
  });

  it('sends heartbeat comments while idle', async () => {
    const client = await connect(tokenB, '?jobId=job_quiet');
    expect(await client.waitForComment(2000)).toBe('keep-alive');
  });

  it('accepts the token as ?access_token= (EventSource), and refuses a stream without one', async () => {
    const viaQuery = await connectSse(`${running.url}/v1/events?access_token=${tokenB}`);
    clients.push(viaQuery);
    expect(viaQuery.status).toBe(200);
    const anonymous = await fetch(`${running.url}/v1/events`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'TOKEN_MISSING' });
  });

  it('limits open streams per owner', async () => {
    await Promise.all([connect(tokenB), connect(tokenB), connect(tokenB)]);
    const over = await fetch(`${running.url}/v1/events`, { headers: { authorization: `Bearer ${tokenB}` } });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 'EVENT_STREAM_LIMIT_REACHED' });
  });

  it('resumes after a restart from the persisted recent events', async () => {
    const dir = tempDataDir();
    let own = await startNotifications(dir.dir, testSettings());
    const token = await own.token('owner-a');
    const before = await connectSse(`${own.url}/v1/events`, { authorization: `Bearer ${token}` });
    const seen = await own.publish('TranscodeProgressed', progress('job_x', 5), 'owner-a');
    await before.waitForEvents(1);
    before.close();
    const missed = [await own.publish('TranscodeProgressed', progress('job_x', 60), 'owner-a'), await own.publish('JobCancelled', { jobId: 'job_x' }, 'owner-a')];
    await new Promise((r) => setTimeout(r, 200));
    await own.stop();
    own = await startNotifications(dir.dir, testSettings());
    const after = await connectSse(`${own.url}/v1/events`, { authorization: `Bearer ${token}`, 'last-event-id': seen });
    expect((await after.waitForEvents(2)).map((e) => e.id)).toEqual(missed);
    after.close();
    await own.stop();
    dir.remove();
  });

  it('ends open streams when the server shuts down', async () => {
    const dir = tempDataDir();
    const own = await startNotifications(dir.dir, testSettings());
    const client = await connectSse(`${own.url}/v1/events`, { authorization: `Bearer ${await own.token('owner-a')}` });
    const started = Date.now();
    await own.stop();
    await client.ended;
    expect(Date.now() - started).toBeLessThan(2000);
    dir.remove();
  });
});
