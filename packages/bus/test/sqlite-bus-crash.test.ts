// The embedded bus across a real crash: a child process takes events and is killed (SIGKILL) in the
// middle of its handlers; a new consumer on the same file gets them again at once, from the durable
// deliveries table, or dead-letters them when the interrupted attempt was the last one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declareService } from '@mediaflow/topology';
import { SqliteBus } from '../src/adapters/local/sqlite-bus';
import { eventIdOf, testEvent, validateTestEnvelope } from '../src/testing/ping-events';
import { recorder, waitFor } from '../src/testing/recorder';

// A long visibility: the redelivery below must come from the takeover at start, not a lease expiring.
const jobs = declareService({
  service: 'jobs',
  subscriptions: [{ from: 'ingest', event: 'Ping', versions: [1] }],
  maxAttempts: 3,
  visibilityTimeoutSeconds: 60,
});
const processing = declareService({ ...jobs, service: 'processing', maxAttempts: 1 });

/** Starts the child and resolves once both services report a handler in progress. */
const consumeInChild = (file: string) =>
  new Promise<ReturnType<typeof spawn>>((resolve, reject) => {
    // `node --import tsx`, not the tsx binary: that is a wrapper process, and SIGKILL must hit the consumer itself.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, 'fixtures/hanging-consumer.ts'),
        file,
        JSON.stringify([jobs, processing]),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, LOG_LEVEL: 'SILENT' },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('started jobs') && out.includes('started processing')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${out}`)));
  });

describe('SqliteBus after a crash', () => {
  let dir: string;
  let bus: SqliteBus;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mediaflow-bus-crash-'));
    bus = new SqliteBus({ file: join(dir, 'bus.sqlite'), validate: validateTestEnvelope });
  });

  afterEach(async () => {
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redelivers what a killed process was handling, or dead-letters it when that was the last attempt', async () => {
    bus.provision(jobs);
    bus.provision(processing);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });
    await bus.publish([event]);
    const child = await consumeInChild(join(dir, 'bus.sqlite'));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const r = recorder();
    await bus.consumer(jobs, { pollIntervalMs: 50 }).start(r.handler);
    await bus.consumer(processing, { pollIntervalMs: 50 }).start(r.handler);

    await waitFor('the redelivery', () => r.deliveries.length >= 1, 5000);
    expect(r.deliveries.map((d) => [d.event.detail.metadata.eventId, d.ctx.attempt])).toEqual([
      [eventIdOf(event), 2],
    ]);
    const [dead] = await waitFor('the dead letter', async () => {
      const list = await bus.deadLetters(processing).list();
      return list.length > 0 ? list : undefined;
    });
    expect(dead).toMatchObject({ envelope: event, attempts: 1, error: { code: 'MAX_ATTEMPTS_EXCEEDED' } });
  }, 30_000);
});
