// The embedded pool with a stand-in runner (test/fixtures/fake-runner.js: same IPC and exit codes, no
// ffmpeg, warm like the real one), so concurrency, queueing, stops, exit mapping and the replacement of
// spares are tested in milliseconds. warm-runner-pool.test.ts runs the real runner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcessRunnerDispatcher } from '../../src/adapters/local/child-process-runner-dispatcher';
import type { JobSpec } from '../../src/application/job-spec';
import type { RunnerEvent } from '../../src/ports/runner-dispatcher';
import { quietLogger } from '../support/processing-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-pool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const spec = (jobId: string, input: string, attempt = 1): JobSpec => ({
  jobId,
  attempt,
  input,
  outputPrefix: `o/${jobId}`,
  profile: 'default',
  wallClockLimitSeconds: 60,
});

const makePool = (concurrency: number, stopGraceMs = 5000, env: NodeJS.ProcessEnv = {}) => {
  const log = path.join(dir, `log-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(log, '');
  const logger = quietLogger();
  const pool = new ChildProcessRunnerDispatcher({
    concurrency,
    logger,
    entrypoint: { path: path.join(__dirname, '..', 'fixtures', 'fake-runner.js'), execArgv: [] },
    env: { ...process.env, FAKE_RUNNER_LOG: log, ...env },
    stdio: 'ignore',
    stopGraceMs,
  });
  const events: RunnerEvent[] = [];
  const waiters: Array<() => void> = [];
  pool.onEvent(async (e) => {
    events.push(e);
    waiters.forEach((w) => w());
  });
  const until = async (test: () => boolean, ms = 10_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; events: ${JSON.stringify(events.map((e) => [e.jobId, e.type]))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  const terminal = (jobId: string) =>
    events.find((e) => e.jobId === jobId && e.type !== 'progress' && e.type !== 'began');
  const spans = () => {
    const lines = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    const at = (what: string, job: string) => Number(lines.find(([w, j]) => w === what && j === job)?.[2]);
    return (job: string) => ({ start: at('start', job), end: at('end', job) });
  };
  return { pool, logger, events, until, terminal, spans };
};

describe('ChildProcessRunnerDispatcher (embedded pool)', () => {
  it('runs 3 attempts one after another at concurrency 1, queueing the others', async () => {
    const { pool, until, terminal, spans } = makePool(1);
    const ids = [];
    for (const job of ['job_a', 'job_b', 'job_c'])
      ids.push((await pool.start(spec(job, 'fake:ok:150'))).runnerId);
    expect((await pool.status(ids[2]!)).state).toBe('queued');
    await until(() => ['job_a', 'job_b', 'job_c'].every((j) => terminal(j)));
    for (const job of ['job_a', 'job_b', 'job_c'])
      expect(terminal(job)).toMatchObject({
        type: 'finished',
        manifest: [expect.objectContaining({ kind: 'poster' })],
      });
    const span = spans();
    expect(span('job_b').start).toBeGreaterThanOrEqual(span('job_a').end);
    expect(span('job_c').start).toBeGreaterThanOrEqual(span('job_b').end);
  });

  it('runs attempts side by side up to its concurrency', async () => {
    const { pool, until, terminal, spans } = makePool(2);
    await pool.start(spec('job_a', 'fake:ok:400'));
    await pool.start(spec('job_b', 'fake:ok:400'));
    await until(() => Boolean(terminal('job_a') && terminal('job_b')));
    const span = spans();
    expect(span('job_b').start).toBeLessThan(span('job_a').end);
  });

  it("forwards the runner's reports in order (began first) and answers the same runner for the same attempt", async () => {
    const { pool, events, until, terminal } = makePool(1);
    const first = await pool.start(spec('job_p', 'fake:ok:200'));
    expect(await pool.start(spec('job_p', 'fake:ok:200'))).toEqual(first);
    expect((await pool.status(first.runnerId)).state).toBe('running');
    await until(() => Boolean(terminal('job_p')));
    expect(
      events.filter((e) => e.jobId === 'job_p').map((e) => (e.type === 'progress' ? e.percent : e.type)),
    ).toEqual(['began', 10, 60, 'finished']);
    // Gone only after the terminal report was handled: until then the watchdog must not call it lost.
    await until(() => pool.load.running === 0);
    expect((await pool.status(first.runnerId)).state).toBe('gone');
  });

  it("reports the runner's own failure, and a crash without a report as retryable", async () => {
    const { pool, until, terminal } = makePool(2);
    await pool.start(spec('job_f', 'fake:fail'));
    await pool.start(spec('job_x', 'fake:crash'));
    await until(() => Boolean(terminal('job_f') && terminal('job_x')));
    expect(terminal('job_f')).toMatchObject({ type: 'failed', code: 'CORRUPT_MEDIA', retryable: false });
    expect(terminal('job_x')).toMatchObject({ type: 'failed', code: 'RUNNER_CRASHED', retryable: true });
  });

  it('stops a running attempt with SIGTERM (cancelled) and drops a queued one, which never began (dropped)', async () => {
    const { pool, events, until, terminal, spans } = makePool(1);
    const running = await pool.start(spec('job_r', 'fake:hang'));
    const queued = await pool.start(spec('job_q', 'fake:ok:100'));
    await until(() => spans()('job_r').start > 0);
    await pool.stop(queued.runnerId);
    await pool.stop(running.runnerId);
    await until(() => Boolean(terminal('job_r') && terminal('job_q')));
    expect(terminal('job_r')).toMatchObject({ type: 'cancelled' });
    expect(terminal('job_q')).toMatchObject({ type: 'dropped' });
    expect(spans()('job_q').start).toBeNaN();
    expect(events.filter((e) => e.type === 'began').map((e) => e.jobId)).toEqual(['job_r']);
  });

  it('kills a runner that ignores SIGTERM once the grace period is over', async () => {
    const { pool, until, terminal, spans } = makePool(1, 300);
    const { runnerId } = await pool.start(spec('job_s', 'fake:stubborn'));
    await until(() => spans()('job_s').start > 0);
    await pool.stop(runnerId);
    await until(() => Boolean(terminal('job_s')));
    expect(terminal('job_s')).toMatchObject({ type: 'cancelled' });
  });

  it("says a runner of an earlier pool (before the host process restarted) is gone with that cause, and its own unknown ids gone without one", async () => {
    const before = makePool(1);
    const { runnerId: earlier } = await before.pool.start(spec('job_e', 'fake:hang'));
    await before.pool.shutdown();
    const after = makePool(1);
    expect(after.pool.incarnation).not.toBe(before.pool.incarnation);
    expect(earlier).toMatch(new RegExp(`^local-${before.pool.incarnation}-`));
    expect(await after.pool.status(earlier)).toEqual({ state: 'gone', cause: 'host-restarted' });

    const { runnerId: own } = await after.pool.start(spec('job_o', 'fake:ok:10'));
    await after.until(() => Boolean(after.terminal('job_o')) && after.pool.load.running === 0);
    expect(await after.pool.status(own)).toEqual({ state: 'gone' });
    // Ids it cannot place (another dispatcher's, or written before ids named their pool) are plain gone.
    expect(await after.pool.status('local-6f1c2a9e-0d4b-4c1e-9a57-3b2f8e1d7c60')).toEqual({ state: 'gone' });
    expect(await after.pool.status('r1')).toEqual({ state: 'gone' });
  });

  it('stops everything on shutdown and takes no new attempt after it', async () => {
    const { pool, until, terminal } = makePool(1);
    await pool.start(spec('job_1', 'fake:hang'));
    await pool.start(spec('job_2', 'fake:hang'));
    await until(() => pool.load.running === 1);
    await pool.shutdown();
    expect(terminal('job_1')).toMatchObject({ type: 'cancelled' });
    expect(terminal('job_2')).toMatchObject({ type: 'dropped' });
    await expect(pool.start(spec('job_3', 'fake:ok:10'))).rejects.toMatchObject({
      code: 'RUNNER_POOL_SHUT_DOWN',
    });
  });

  it('replaces a spare that dies before it is ready after a delay that doubles while none gets ready, with no runner event', async () => {
    const { pool, logger, events, until, terminal } = makePool(1, 5000, { FAKE_RUNNER_BROKEN: '1' });
    const warn = jest.spyOn(logger, 'warn');
    const deaths = () => warn.mock.calls.filter(([message]) => message === 'a warm runner process ended while idle: replacing it');
    await until(() => deaths().length >= 3);
    expect(deaths().slice(0, 3).map(([, detail]) => detail)).toEqual([250, 500, 1000].map((delayMs) => expect.objectContaining({ delayMs, wasReady: false, code: 1 })));
    expect(events).toEqual([]);
    // An attempt does not wait for the backoff: it gets a process of its own, whose death fails it.
    await pool.start(spec('job_broken', 'fake:ok:10'));
    await until(() => Boolean(terminal('job_broken')));
    expect(terminal('job_broken')).toMatchObject({ type: 'failed', code: 'RUNNER_CRASHED', retryable: true });
    await pool.shutdown();
  });
});
