// executeCommand against a real SQLite event store: fold/decide/append, retries on conflicts, and
// the inbox turning a redelivered event into a no-op.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore, type SqliteEventStoreFile } from '@mediaflow/event-store/sqlite';
import { executeCommand, type Decider } from '../src';

type CounterEvent = { type: 'Incremented'; data: { by: number } };
type Command = { type: 'Increment'; by: number; max: number };
class LimitReached extends Error {
  readonly code = 'LIMIT_REACHED';
}

const counter: Decider<Command, CounterEvent, { total: number }> = {
  initialState: { total: 0 },
  evolve: (s, e) => ({ total: s.total + e.data.by }),
  decide: (c, s) => {
    if (s.total + c.by > c.max) throw new LimitReached(`would pass ${c.max}`);
    return [{ type: 'Incremented', data: { by: c.by } }];
  },
};

const context = { ownerId: 'owner-1', correlationId: 'corr-1', causationId: null };
let seq = 0;
const deps = (file: SqliteEventStoreFile) => ({
  store: file.store,
  clock: { now: () => new Date('2026-11-25T12:00:00Z') },
  ids: { next: () => `id-${++seq}` },
});

describe('executeCommand', () => {
  let dir: string;
  let file: SqliteEventStoreFile;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-kit-'));
    file = openSqliteEventStore({ filename: path.join(dir, 'events.db'), service: 'jobs' });
  });
  afterEach(() => {
    file.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('appends what the decider decides, with metadata carrying the context', async () => {
    const outcome = await executeCommand(deps(file), counter, 'c-1', { type: 'Increment', by: 2, max: 10 }, { context });
    expect(outcome).toMatchObject({ status: 'applied', state: { total: 2 }, version: 1 });
    const [stored] = await file.store.read('c-1');
    expect(stored?.metadata).toMatchObject({ ownerId: 'owner-1', correlationId: 'corr-1', causationId: null, version: 1 });
  });

  it('decides again on fresh state when concurrent commands conflict, so none is lost', async () => {
    const runs = Array.from({ length: 8 }, () =>
      executeCommand(deps(file), counter, 'c-2', { type: 'Increment', by: 1, max: 100 }, { context, maxAttempts: 20 }),
    );
    await Promise.all(runs);
    expect((await file.store.read('c-2')).length).toBe(8);
  });

  it('refuses with the domain error and writes nothing', async () => {
    await expect(
      executeCommand(deps(file), counter, 'c-3', { type: 'Increment', by: 11, max: 10 }, { context }),
    ).rejects.toBeInstanceOf(LimitReached);
    expect(await file.store.read('c-3')).toEqual([]);
  });

  it('answers a redelivered event as a duplicate, even when deciding again would refuse it', async () => {
    const consumed = { consumer: 'jobs.test', eventId: 'evt-1' };
    const command = { type: 'Increment' as const, by: 10, max: 10 };
    await executeCommand(deps(file), counter, 'c-4', command, { context, consumed });
    const again = await executeCommand(deps(file), counter, 'c-4', command, { context, consumed });
    expect(again).toEqual({ status: 'duplicate' });
    expect((await file.store.read('c-4')).length).toBe(1);
  });
});
