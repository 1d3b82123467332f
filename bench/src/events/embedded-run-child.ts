// One embedded run, in a child process started by embedded-runs.ts: the SQLite store and bus opened
// with BENCH_SQLITE_DRIVER on the Node running this file; appends/s and latency written as JSON to
// BENCH_EVENTS_RESULT_FILE for the parent to pool and compare. Prints nothing on success.
process.env.LOG_LEVEL ??= 'ERROR';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openSqliteDatabase, type SqliteDriver } from '@mediaflow/sqlite';
import { z } from 'zod';
import { measureAppends } from './appends';
import { embeddedTarget } from './embedded-target';
import type { EmbeddedRunResult } from './embedded-runs';
import { measureLatency } from './latency';
import { loadEventsBenchSettings } from './settings';
import { failBench } from '../shared/fail';

const ChildEnvSchema = z.object({
  BENCH_SQLITE_DRIVER: z.enum(['node:sqlite', 'better-sqlite3']),
  BENCH_EVENTS_RESULT_FILE: z.string().min(1),
});

/** Which file `require('better-sqlite3')` loads here (the preload may redirect it), and SQLite's own version. */
const describeDriver = (driver: SqliteDriver) => {
  const db = openSqliteDatabase(':memory:', driver);
  try {
    const row = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get();
    const module =
      driver === 'node:sqlite'
        ? 'node:sqlite (built into Node)'
        : path.dirname(
            createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3/package.json'),
          );
    return { sqliteVersion: row?.v ?? 'unknown', module };
  } finally {
    db.close();
  }
};

const main = async (): Promise<void> => {
  const env = ChildEnvSchema.parse(process.env);
  const s = loadEventsBenchSettings();
  const driver = env.BENCH_SQLITE_DRIVER;
  const described = describeDriver(driver);
  const target = await embeddedTarget(driver);
  try {
    const appends = await measureAppends(target, s.BENCH_APPENDS, s.BENCH_ROUNDS);
    const latency = await measureLatency(target, {
      events: s.BENCH_LATENCY_EVENTS,
      meanGapMs: s.BENCH_LATENCY_GAP_MS,
      relayIntervalMs: s.MEDIAFLOW_RELAY_INTERVAL_MS,
    });
    const result: EmbeddedRunResult = { driver, node: process.versions.node, ...described, appends, latency };
    fs.writeFileSync(env.BENCH_EVENTS_RESULT_FILE, JSON.stringify(result));
  } finally {
    await target.dispose();
  }
};

main().catch(failBench('bench/events embedded run'));
