// Replay on the embedded bus, on a real SQLite file: a window of the log goes again to one subscriber
// only, as the same envelopes (same eventIds), also when another process (the CLI) asks for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplayWindowInvalid } from '../src';
import { SqliteBus } from '../src/adapters/local/sqlite-bus';
import { declarations } from '../src/testing/bus-contract';
import { eventIdOf, testEvent, validateTestEnvelope } from '../src/testing/ping-events';
import { pause, recorder, waitFor } from '../src/testing/recorder';

let dir: string;
let bus: SqliteBus;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mediaflow-replay-'));
  bus = new SqliteBus({ file: join(dir, 'bus.sqlite'), validate: validateTestEnvelope });
});
afterEach(async () => {
  await bus.close();
  rmSync(dir, { recursive: true, force: true });
});

const ping = (n: number) => testEvent('ingest', 'Ping', 1, { n });

describe('replaying a window of the embedded bus log', () => {
  it('re-delivers the window’s events to that subscriber only, with their original event ids', async () => {
    const jobs = recorder();
    const notifications = recorder();
    for (const d of [declarations.jobs, declarations.notifications]) bus.provision(d);
    const options = { pollIntervalMs: 50, retryDelay: () => 100, stopTimeoutMs: 300 };
    await bus.consumer(declarations.jobs, options).start(jobs.handler);
    await bus.consumer(declarations.notifications, options).start(notifications.handler);

    const before = ping(1);
    await bus.publish([before]);
    await pause(5);
    const from = new Date();
    const inside = [ping(2), ping(3)];
    await bus.publish(inside);
    await pause(5);
    const to = new Date();
    await pause(5);
    await bus.publish([ping(4)]);
    await waitFor('first deliveries', () => jobs.deliveries.length === 4 && notifications.deliveries.length === 4);

    // Another connection to the same file, as `mediaflow events replay` on the same machine.
    const cli = new SqliteBus({ file: join(dir, 'bus.sqlite'), validate: validateTestEnvelope });
    expect(cli.replay(declarations.jobs, { from, to })).toEqual({ queued: 2 });
    await cli.close();

    await waitFor('replayed deliveries', () => jobs.deliveries.length === 6);
    await pause(300);
    expect(jobs.eventIds().slice(4)).toEqual(inside.map(eventIdOf));
    expect(jobs.deliveries.slice(4).map((d) => d.event)).toEqual(inside);
    expect(notifications.deliveries).toHaveLength(4);
  });

  it('replays only what the subscriber’s patterns match', async () => {
    bus.provision(declarations.processing); // Ping v2 only
    const from = new Date(Date.now() - 1000);
    await bus.publish([ping(1)]);
    await pause(5);
    expect(bus.replay(declarations.processing, { from, to: new Date() })).toEqual({ queued: 0 });
  });

  it('refuses a window that ends before it starts, ends in the future, or is not a time', () => {
    bus.provision(declarations.jobs);
    const now = new Date();
    const replay = (from: Date, to: Date) => () => bus.replay(declarations.jobs, { from, to }, now);
    expect(replay(now, new Date(now.getTime() - 1))).toThrow(ReplayWindowInvalid);
    expect(replay(new Date(now.getTime() - 1000), new Date(now.getTime() + 60_000))).toThrow(/in the future/);
    expect(replay(new Date('yesterday'), now)).toThrow(expect.objectContaining({ code: 'REPLAY_WINDOW_INVALID' }));
  });
});
