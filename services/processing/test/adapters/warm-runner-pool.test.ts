// The embedded pool's warm runner processes, with the real runner (the bundle of src/main/runner.ts the
// pool builds) and real ffmpeg: an attempt runs in a process started before it, a process that succeeded
// takes the next attempt (until it retires) while one that failed ends, a spare's death is no runner's
// event, and a stop, a crash or a shutdown touches only what it should.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcessRunnerDispatcher } from '../../src/adapters/local/child-process-runner-dispatcher';
import { preparedRunnerEntrypoint } from '../../src/adapters/local/runner-entrypoint';
import type { JobSpec } from '../../src/application/job-spec';
import type { RunnerEvent } from '../../src/ports/runner-dispatcher';
import { generateClip } from '../../src/testing/clips';
import { quietLogger } from '../support/processing-store';
import { alive } from '../support/process-alive';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-warm-pool-'));
const outputsOf = (jobId: string): string[] => {
  const dir = path.join(dataDir, 'blobs', 'outputs', 'objects', 'owner-1', jobId);
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
};

/** Clock ticks since boot: when a process started (/proc/<pid>/stat field 22), or now (/proc/uptime). */
const ticksHz = 100; // USER_HZ, what /proc reports in on Linux
const startTicksOf = (pid: number): number =>
  Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
const nowTicks = (): number => Math.floor(Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * ticksHz);

/** Pids of live processes whose command line names `needle` (a job's id: its ffmpegs write under it). */
const processesNaming = (needle: string): number[] =>
  fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid).flatMap((d) => {
    try {
      return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle) && alive(Number(d)) ? [Number(d)] : [];
    } catch {
      return [];
    }
  });

let shortClip: string;
let longClip: string;
beforeAll(async () => {
  shortClip = (await generateClip('landscape')).path;
  longClip = (await generateClip('long-landscape')).path;
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const spec = (jobId: string, input: string): JobSpec => ({
  jobId,
  attempt: 1,
  input,
  outputPrefix: `owner-1/${jobId}`,
  profile: 'sd',
  wallClockLimitSeconds: 120,
});

const pools: ChildProcessRunnerDispatcher[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.shutdown()));
});

const makePool = (concurrency: number, more: { warmSpares?: number; env?: NodeJS.ProcessEnv } = {}) => {
  const logger = quietLogger();
  const pool = new ChildProcessRunnerDispatcher({
    concurrency,
    ...(more.warmSpares === undefined ? {} : { warmSpares: more.warmSpares }),
    logger,
    env: { ...process.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'ERROR', ...more.env },
    stdio: 'ignore',
    stopGraceMs: 10_000,
  });
  pools.push(pool);
  const events: RunnerEvent[] = [];
  pool.onEvent(async (e) => {
    events.push(e);
  });
  const until = async (what: string, test: () => boolean, ms = 60_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events.map((e) => [e.jobId, e.type]))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const terminal = (jobId: string) =>
    events.find((e) => e.jobId === jobId && e.type !== 'progress' && e.type !== 'began');
  const progressed = (jobId: string) => events.some((e) => e.jobId === jobId && e.type === 'progress');
  return { pool, logger, events, until, terminal, progressed };
};

describe('ChildProcessRunnerDispatcher warm runner processes (real runner, real ffmpeg)', () => {
  it('runs an attempt in a runner process that was up and waiting before start() was called, and runs the next attempt in the same process after a success', async () => {
    const { pool, events, until, terminal } = makePool(1);
    await until('a ready spare', () => pool.processes.spares.ready.length === 1);
    const [warmPid] = pool.processes.spares.ready as [number];
    const ticksAtStart = nowTicks();
    const { runnerId } = await pool.start(spec('job_warm', shortClip));

    expect(pool.processes.runners.get(runnerId)).toBe(warmPid);
    expect(startTicksOf(warmPid)).toBeLessThan(ticksAtStart);
    expect(pool.processes.spares.ready).not.toContain(warmPid);
    await until('the attempt to end', () => Boolean(terminal('job_warm')));
    expect(terminal('job_warm')).toMatchObject({ type: 'finished', manifest: expect.arrayContaining([expect.objectContaining({ kind: 'poster' })]) });
    expect(events[0]).toMatchObject({ jobId: 'job_warm', type: 'began' });
    // It said ready again: the same process is the spare, and takes the next attempt (no new fork).
    await until('its process to be a ready spare again', () => pool.processes.spares.ready.includes(warmPid));
    expect(pool.processes.spares).toEqual({ ready: [warmPid], starting: [] });
    const next = await pool.start(spec('job_warm_again', shortClip));
    expect(pool.processes.runners.get(next.runnerId)).toBe(warmPid);
    await until('the second attempt to end', () => Boolean(terminal('job_warm_again')));
    expect(terminal('job_warm_again')).toMatchObject({ type: 'finished' });
    expect(events.filter((e) => e.jobId === 'job_warm_again').map((e) => e.type)).toEqual(expect.arrayContaining(['began', 'finished']));
    expect(outputsOf('job_warm_again')).toEqual(expect.arrayContaining(['master.m3u8']));
  }, 90_000);

  it('retires a process after MEDIAFLOW_RUNNER_JOBS_PER_PROCESS attempts and forks its replacement', async () => {
    const { pool, until, terminal } = makePool(1, { env: { MEDIAFLOW_RUNNER_JOBS_PER_PROCESS: '1' } });
    await until('a ready spare', () => pool.processes.spares.ready.length === 1);
    const [first] = pool.processes.spares.ready as [number];
    await pool.start(spec('job_retiring', shortClip));
    await until('the attempt to end', () => Boolean(terminal('job_retiring')));
    expect(terminal('job_retiring')).toMatchObject({ type: 'finished' });
    await until('its process to end and a new spare', () => !alive(first) && pool.processes.spares.ready.length === 1);
    expect(pool.processes.spares.ready).not.toContain(first);
  }, 90_000);

  it('ends the process of a failed attempt instead of reusing it, and forks its replacement', async () => {
    const { pool, until, terminal } = makePool(1);
    await until('a ready spare', () => pool.processes.spares.ready.length === 1);
    const [first] = pool.processes.spares.ready as [number];
    await pool.start(spec('job_missing_input', path.join(dataDir, 'no-such-file.mp4')));
    await until('the attempt to end', () => Boolean(terminal('job_missing_input')));
    expect(terminal('job_missing_input')).toMatchObject({ type: 'failed' });
    await until('its process to end and a new spare', () => !alive(first) && pool.processes.spares.ready.length === 1);
  }, 90_000);

  it('replaces a spare killed while idle, and reports no runner event for it', async () => {
    const { pool, logger, events, until, terminal } = makePool(1);
    const warn = jest.spyOn(logger, 'warn');
    await until('a ready spare', () => pool.processes.spares.ready.length === 1);
    const [killed] = pool.processes.spares.ready as [number];
    process.kill(killed, 'SIGKILL');
    await until('a new ready spare', () => pool.processes.spares.ready.length === 1 && pool.processes.spares.ready[0] !== killed);
    expect(alive(killed)).toBe(false);
    expect(events).toEqual([]);
    expect(warn).toHaveBeenCalledWith('a warm runner process ended while idle: replacing it', expect.objectContaining({ pid: killed, signal: 'SIGKILL', wasReady: true }));
    // The replacement takes the next attempt.
    const [replacement] = pool.processes.spares.ready as [number];
    const { runnerId } = await pool.start(spec('job_after_kill', shortClip));
    expect(pool.processes.runners.get(runnerId)).toBe(replacement);
    await until('the attempt to end', () => Boolean(terminal('job_after_kill')));
    expect(terminal('job_after_kill')).toMatchObject({ type: 'finished' });
  }, 90_000);

  it('stops a running attempt by ending its process only: the other attempt and the spares keep running', async () => {
    const { pool, until, terminal, progressed } = makePool(2, { warmSpares: 3 }); // 2 busy + 1 idle
    const a = await pool.start(spec('job_stopped', longClip));
    const b = await pool.start(spec('job_kept', longClip));
    await until('both attempts to transcode', () => progressed('job_stopped') && progressed('job_kept'));
    const pidA = pool.processes.runners.get(a.runnerId)!;
    const pidB = pool.processes.runners.get(b.runnerId)!;
    await until('a ready spare', () => pool.processes.spares.ready.length === 1);
    const spares = [...pool.processes.spares.ready];

    await pool.stop(a.runnerId);
    await until('the stopped attempt to end', () => Boolean(terminal('job_stopped')));
    expect(terminal('job_stopped')).toMatchObject({ type: 'cancelled' });
    expect(alive(pidA)).toBe(false);
    expect(processesNaming('job_stopped')).toEqual([]); // its ffmpeg stopped with it
    expect(outputsOf('job_stopped')).toEqual([]); // partial outputs removed
    expect(alive(pidB)).toBe(true);
    expect(terminal('job_kept')).toBeUndefined();
    expect(spares.every(alive)).toBe(true);
    expect((await pool.status(b.runnerId)).state).toBe('running');
  }, 120_000);

  it("fails only the attempt whose runner process crashed", async () => {
    const { pool, until, terminal, progressed } = makePool(2);
    const crashed = await pool.start(spec('job_crashed', longClip));
    await pool.start(spec('job_survives', shortClip));
    await until('the first attempt to transcode', () => progressed('job_crashed'));
    process.kill(pool.processes.runners.get(crashed.runnerId)!, 'SIGKILL');
    await until('both attempts to end', () => Boolean(terminal('job_crashed') && terminal('job_survives')));
    expect(terminal('job_crashed')).toMatchObject({ type: 'failed', code: 'RUNNER_KILLED', retryable: true });
    expect(terminal('job_survives')).toMatchObject({ type: 'finished' });
    // Its ffmpeg does not go on without it (the pool ends the runner's process group), writing outputs
    // beside the attempt's retry.
    await until("the crashed runner's ffmpeg to end", () => processesNaming('job_crashed').length === 0, 5_000);
  }, 120_000);

  it('leaves no process behind on shutdown: running runners, their ffmpegs and every spare', async () => {
    const { pool, until, terminal, progressed } = makePool(2);
    const running = await pool.start(spec('job_at_shutdown', longClip));
    await until('the attempt to transcode and a ready spare', () => progressed('job_at_shutdown') && pool.processes.spares.ready.length === 1);
    const pids = [pool.processes.runners.get(running.runnerId)!, ...pool.processes.spares.ready];
    expect(pids.every(alive)).toBe(true);

    await pool.shutdown();
    expect(terminal('job_at_shutdown')).toMatchObject({ type: 'cancelled' });
    expect(pids.filter(alive)).toEqual([]);
    expect(processesNaming('job_at_shutdown')).toEqual([]);
    expect(pool.processes.spares).toEqual({ ready: [], starting: [] });
  }, 120_000);

  it('ends a spare whose host process was killed with -9 while it waited for a job', async () => {
    const { until } = makePool(1); // only for its wait: this test forks its own spare
    const entry = await preparedRunnerEntrypoint(quietLogger());
    // The host forks a spare as the pool does, and kills itself once the spare is ready.
    const host = `
      const { fork } = require('node:child_process');
      const spare = fork(${JSON.stringify(entry.path)}, ['--warm'], {
        execArgv: ${JSON.stringify(entry.execArgv)}, detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      spare.once('message', () => process.stdout.write(String(spare.pid), () => process.kill(process.pid, 'SIGKILL')));`;
    let sparePid = 0;
    try {
      execFileSync(process.execPath, ['-e', host], { env: { ...process.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' }, encoding: 'utf8' });
    } catch (error) {
      sparePid = Number((error as { stdout: string }).stdout); // the host ends by SIGKILL, so "fails"
    }
    expect(sparePid).toBeGreaterThan(0);
    await until('the orphaned spare to exit', () => !alive(sparePid), 10_000);
  }, 60_000);
});
