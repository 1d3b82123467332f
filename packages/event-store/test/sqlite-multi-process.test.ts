// Several OS processes appending to one SQLite event store file at once: WAL, busy_timeout and
// IMMEDIATE transactions keep every stream gap-free and give each version exactly one winner.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '../src/sqlite';
import { type OutboxEntry, OutboxRelay } from '../src';
import { uniqueId } from '../src/testing/contract/sample-events';

interface WorkerSummary {
  worker: string;
  appended: number;
  conflicts: number;
}

const WORKER = join(__dirname, 'fixtures', 'sqlite-append-worker.ts');

/** Starts the workers, lets them all go at once, and collects their summaries. */
const runWorkers = async (
  filename: string,
  streamId: string,
  names: string[],
  appends: number,
): Promise<WorkerSummary[]> => {
  const children = names.map((name) =>
    spawn(process.execPath, ['--import', 'tsx', WORKER, filename, streamId, name, String(appends)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map(
    (child) =>
      new Promise<{ lines: string[]; stderr: string; code: number | null }>((resolve) => {
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ lines: stdout.trim().split('\n'), stderr, code }));
      }),
  );
  const ready = children.map(
    (child) =>
      new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
      ),
  );
  await Promise.all(ready);
  children.forEach((child) => child.stdin.end('go\n'));
  return (await Promise.all(outputs)).map(({ lines, stderr, code }) => {
    if (code !== 0) throw new Error(`worker failed (${code}): ${stderr}`);
    return JSON.parse(lines.at(-1) ?? '') as WorkerSummary;
  });
};

describe('SQLite event store shared by several processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediaflow-event-store-mp-'));
  const filename = join(dir, 'jobs-events.sqlite');
  const local = openSqliteEventStore({ filename, service: 'jobs' });

  afterAll(() => {
    local.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a stream to exactly one of four processes racing to create it', async () => {
    const streamId = uniqueId('job');

    const summaries = await runWorkers(filename, streamId, ['p1', 'p2', 'p3', 'p4'], 0);

    expect(summaries.filter((s) => s.appended === 1)).toHaveLength(1);
    expect(summaries.filter((s) => s.conflicts === 1)).toHaveLength(3);
    expect(await local.store.read(streamId)).toHaveLength(1);
  }, 60_000);

  it('keeps one stream gap-free and every append in the outbox while three processes append 30 events each', async () => {
    const streamId = uniqueId('job');

    const summaries = await runWorkers(filename, streamId, ['p1', 'p2', 'p3'], 30);

    const stored = await local.store.read(streamId);
    expect(summaries.map((s) => s.appended)).toEqual([30, 30, 30]);
    expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    for (const worker of ['p1', 'p2', 'p3']) {
      const ns = stored.flatMap((e) =>
        (e.data as { worker: string }).worker === worker ? [(e.data as { n: number }).n] : [],
      );
      expect(ns).toEqual(Array.from({ length: 30 }, (_, i) => i)); // each worker's own appends stay in its order
    }
    const published: OutboxEntry[] = [];
    await new OutboxRelay({
      outbox: local.outbox,
      publish: async (entries) => void published.push(...entries),
      batchSize: 1000,
    }).drain();
    expect(published.filter((e) => e.streamId === streamId).map((e) => e.streamVersion)).toEqual(
      stored.map((e) => e.streamVersion),
    );
  }, 60_000);
});
