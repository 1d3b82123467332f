// What the soak bench samples: the data folder on disk (the SQLite files with their -wal/-shm, each
// file's retained rows, the blobs), this process's RSS and heap, and its open file descriptors.
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteDatabase } from '@mediaflow/sqlite';

export interface Footprint {
  readonly label: string;
  readonly jobs: number;
  /** Bytes per SQLite database, its -wal and -shm included. */
  readonly sqliteBytes: Readonly<Record<string, number>>;
  readonly blobBytes: number;
  /** Rows per table that pruning bounds (bus log, outboxes, inboxes) and the events the stores keep. */
  readonly rows: Readonly<Record<string, number>>;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly openFds: number;
}

const sizeOf = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);

const folderBytes = (dir: string): number => {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += sizeOf(path.join(entry.parentPath, entry.name));
  }
  return total;
};

const count = (file: string, table: string, where = ''): number => {
  const db = openSqliteDatabase(file);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

const retainedRows = (dataDir: string, databases: readonly string[]): Record<string, number> => {
  const rows: Record<string, number> = {};
  const file = (name: string) => path.join(dataDir, name);
  rows['bus log'] = count(file('bus.sqlite'), 'bus_events');
  rows['dead letters'] = count(file('bus.sqlite'), 'bus_dead_letters');
  const stores = databases.filter((d) => d.endsWith('.events.sqlite'));
  rows['outbox (published)'] = stores.reduce((n, d) => n + count(file(d), 'outbox', 'WHERE published_at IS NOT NULL'), 0);
  rows['outbox (pending)'] = stores.reduce((n, d) => n + count(file(d), 'outbox', 'WHERE published_at IS NULL'), 0);
  rows.inbox = stores.reduce((n, d) => n + count(file(d), 'inbox'), 0);
  rows['events (kept: the store)'] = stores.reduce((n, d) => n + count(file(d), 'events'), 0);
  return rows;
};

/** Samples the footprint; file descriptors and memory first, before the counting connections open. */
export const sampleFootprint = (label: string, jobs: number, dataDir: string): Footprint => {
  const openFds = fs.readdirSync('/proc/self/fd').length;
  const { rss, heapUsed } = process.memoryUsage();
  const databases = fs.readdirSync(dataDir).filter((f) => f.endsWith('.sqlite'));
  const sqliteBytes = Object.fromEntries(
    databases.map((d) => [d, ['', '-wal', '-shm'].reduce((n, suffix) => n + sizeOf(path.join(dataDir, d + suffix)), 0)]),
  );
  return {
    label,
    jobs,
    sqliteBytes,
    blobBytes: folderBytes(path.join(dataDir, 'blobs')),
    rows: retainedRows(dataDir, databases),
    rssBytes: rss,
    heapUsedBytes: heapUsed,
    openFds,
  };
};
