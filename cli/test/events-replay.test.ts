// `mediaflow events replay` on the embedded deployment, as an operator runs it beside `npm start`:
// a job goes through, its window is replayed to jobs only, jobs' consumer takes every replayed
// event (same eventIds) and its inbox makes each a no-op — no new event, no new fact on the bus.
import path from 'node:path';
import { openSqliteDatabase } from '@mediaflow/sqlite';
import { runCli, startServer, type TestServer } from './cli-harness';
import { makeTestMedia, type TestMedia } from './media';

const countsOf = (dataDir: string) => {
  const bus = openSqliteDatabase(path.join(dataDir, 'bus.sqlite'));
  const jobs = openSqliteDatabase(path.join(dataDir, 'jobs.events.sqlite'));
  const count = (db: typeof bus, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  try {
    return {
      published: count(bus, 'SELECT COUNT(*) AS n FROM bus_events'),
      pendingForJobs: count(bus, `SELECT COUNT(*) AS n FROM bus_deliveries WHERE subscriber = 'jobs'`),
      pendingForOthers: count(bus, `SELECT COUNT(*) AS n FROM bus_deliveries WHERE subscriber <> 'jobs'`),
      deadLetters: count(bus, 'SELECT COUNT(*) AS n FROM bus_dead_letters'),
      jobsEvents: count(jobs, 'SELECT COUNT(*) AS n FROM events'),
      jobsInbox: count(jobs, 'SELECT COUNT(*) AS n FROM inbox'),
    };
  } finally {
    bus.close();
    jobs.close();
  }
};

const settle = async (dataDir: string, done: (c: ReturnType<typeof countsOf>) => boolean) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const counts = countsOf(dataDir);
    if (done(counts)) return counts;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('mediaflow events replay (embedded)', () => {
  let server: TestServer;
  let media: TestMedia;
  beforeAll(async () => {
    [server, media] = await Promise.all([startServer(), makeTestMedia()]);
  }, 90_000);
  afterAll(async () => server?.stop());

  it('replays a job’s window to jobs only, and jobs’ inbox turns every replayed event into a no-op', async () => {
    const from = new Date(Date.now() - 1000);
    const upload = await runCli(['upload', media.small, '--watch', '--profile', 'sd'], server.env);
    expect(upload.code).toBe(0);
    const jobId = upload.stdout.split('\n')[0]!;
    const before = await settle(server.dataDir, (c) => c.pendingForJobs + c.pendingForOthers === 0);
    const to = new Date();

    const replay = await runCli(['events', 'replay', '--from', from.toISOString(), '--to', to.toISOString(), '--subscriber', 'jobs', '--json'], server.env);
    expect(replay.code).toBe(0);
    const { subscriber, queued } = JSON.parse(replay.stdout) as { subscriber: string; queued: number };
    expect(subscriber).toBe('jobs');
    // UploadCompleted, MediaProbed, TranscodeStarted/Progressed/Finished at least.
    expect(queued).toBeGreaterThanOrEqual(4);

    const after = await settle(server.dataDir, (c) => c.pendingForJobs === 0);
    expect(after).toEqual(before);
    const show = await runCli(['jobs', 'show', jobId, '--json'], server.env);
    expect(JSON.parse(show.stdout)).toMatchObject({ jobId, status: 'completed' });
  }, 90_000);

  it('answers the stable codes for an unknown subscriber and a bad window, with exit code 2', async () => {
    const now = new Date();
    const earlier = new Date(now.getTime() - 60_000).toISOString();
    const unknown = await runCli(['events', 'replay', '--from', earlier, '--to', now.toISOString(), '--subscriber', 'billing'], server.env);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('UNKNOWN_SUBSCRIBER: no subscriber "billing"') });
    const reversed = await runCli(['events', 'replay', '--from', now.toISOString(), '--to', earlier, '--subscriber', 'jobs'], server.env);
    expect(reversed).toMatchObject({ code: 2, stderr: expect.stringContaining('REPLAY_WINDOW_INVALID') });
    const notATime = await runCli(['events', 'replay', '--from', 'yesterday', '--to', earlier, '--subscriber', 'jobs'], server.env);
    expect(notATime).toMatchObject({ code: 2, stderr: expect.stringContaining('REPLAY_WINDOW_INVALID') });
  }, 30_000);
});
