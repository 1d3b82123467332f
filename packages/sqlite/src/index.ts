// @mediaflow/sqlite: the one way a SQLite file is opened (WAL, busy timeout, chosen durability, a versioned schema applied under the write lock), with node:sqlite on Node ≥ 22.13 and better-sqlite3 on Node 20.
export * from './open-sqlite-file';
export type { SqliteDatabase, SqliteStatement, SqliteTransaction, SqliteRunResult } from './sqlite-database';
export { defaultSqliteDriver, openSqliteDatabase, type SqliteDriver } from './sqlite-driver';
export { SqliteDriverUnavailable } from './sqlite-driver-unavailable';
