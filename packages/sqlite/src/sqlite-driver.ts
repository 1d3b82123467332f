// Which SQLite driver opens mediaflow's files: node:sqlite where Node has it unflagged (22.13 and
// later: no native build, nothing compiled on install), better-sqlite3 (an optional dependency, built
// for the Node that installed it) on Node 20. Both give the same SqliteDatabase.
import { NodeSqliteDatabase } from './node-sqlite-database';
import type { SqliteDatabase } from './sqlite-database';
import { loadDriver, SqliteDriverUnavailable } from './sqlite-driver-unavailable';

export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

/** node:sqlite from Node 22.13 on, better-sqlite3 before. */
export const defaultSqliteDriver = (nodeVersion: string = process.versions.node): SqliteDriver => {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? 'node:sqlite' : 'better-sqlite3';
};

const openWithBetterSqlite3 = (filename: string): SqliteDatabase => {
  // Required only when chosen: on Node ≥ 22.13 the module may be absent, or built for another Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = loadDriver('better-sqlite3', () => require('better-sqlite3') as new (filename: string) => SqliteDatabase);
  try {
    return new Database(filename);
  } catch (error) {
    // Its native addon loads on the first open: built for another Node, it fails here.
    if (/NODE_MODULE_VERSION|bindings file|ERR_DLOPEN_FAILED/.test(`${(error as Error).message} ${(error as { code?: string }).code}`)) {
      throw new SqliteDriverUnavailable('better-sqlite3', error);
    }
    throw error;
  }
};

export const openSqliteDatabase = (filename: string, driver: SqliteDriver = defaultSqliteDriver()): SqliteDatabase =>
  driver === 'node:sqlite' ? new NodeSqliteDatabase(filename) : openWithBetterSqlite3(filename);
