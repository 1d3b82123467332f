// What mediaflow's SQLite adapters use of a database, whichever driver opened it: prepared statements,
// exec, transactions (deferred or immediate, nested as savepoints) and pragmas. better-sqlite3's own
// API is this shape; the node:sqlite driver is adapted to it (node-sqlite-database.ts).

export interface SqliteRunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

/** A prepared statement; `P` is the tuple of its parameters (or one object of named ones), `R` a row. */
export interface SqliteStatement<P extends unknown[] = unknown[], R = unknown> {
  run(...params: P): SqliteRunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

// A transaction wraps a function of any signature and keeps it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

/** Calling it runs `fn` in BEGIN (deferred) … COMMIT; `.immediate` takes the write lock at BEGIN. */
export type SqliteTransaction<F extends AnyFunction> = F & { readonly deferred: F; readonly immediate: F; readonly exclusive: F };

export interface SqliteDatabase {
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqliteStatement<P, R>;
  exec(sql: string): unknown;
  transaction<F extends AnyFunction>(fn: F): SqliteTransaction<F>;
  /** `PRAGMA <source>`: its rows, or with `simple` the first column of the first row. */
  pragma(source: string, options?: { readonly simple?: boolean }): unknown;
  close(): unknown;
}
