// Every SQLite file of the embedded deployment (event stores, the bus, read models) is opened here:
// busy timeout first (switching to WAL already needs the write lock), WAL so readers and the writer
// do not block each other across processes, the durability the file needs, and its schema applied
// once under the write lock with a version check, so older code never opens a newer file.
import type { SqliteDatabase } from './sqlite-database';
import { openSqliteDatabase, type SqliteDriver } from './sqlite-driver';

interface SqliteFileOptions {
  readonly filename: string;
  /** CREATE … IF NOT EXISTS statements: applied on every open, idempotently. */
  readonly schema: string;
  readonly schemaVersion: number;
  /** Names the file's role in errors, e.g. "event store". */
  readonly label: string;
  /**
   * FULL: an acknowledged write survives a power cut (stores, bus, queues).
   * NORMAL: survives a process crash only; fine for projections that can be rebuilt.
   */
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly busyTimeoutMs?: number;
  /** Default: node:sqlite on Node ≥ 22.13, better-sqlite3 before (defaultSqliteDriver). */
  readonly driver?: SqliteDriver;
}

export class SqliteSchemaTooNew extends Error {
  readonly code = 'SQLITE_SCHEMA_TOO_NEW';
  override readonly name = 'SqliteSchemaTooNew';
  constructor(filename: string, label: string, found: number, supported: number) {
    super(`${filename} has ${label} schema ${found}, newer than this code (${supported})`);
  }
}

export const openSqliteFile = (options: SqliteFileOptions): SqliteDatabase => {
  const db = openSqliteDatabase(options.filename, options.driver);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > options.schemaVersion) throw new SqliteSchemaTooNew(options.filename, options.label, version, options.schemaVersion);
      db.exec(options.schema);
      db.pragma(`user_version = ${options.schemaVersion}`);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
