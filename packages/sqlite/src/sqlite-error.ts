// A SQLite failure as the adapters test for it: `code` is SQLite's (extended) result code name, e.g.
// SQLITE_CONSTRAINT_PRIMARYKEY, as better-sqlite3 reports it. node:sqlite's own errors carry the number
// (`errcode`) and are created outside a test runner's realm; toSqliteError gives them this shape.
const RESULT_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  261: 'SQLITE_BUSY_RECOVERY',
  275: 'SQLITE_CONSTRAINT_CHECK',
  517: 'SQLITE_BUSY_SNAPSHOT',
  773: 'SQLITE_BUSY_TIMEOUT',
  787: 'SQLITE_CONSTRAINT_FOREIGNKEY',
  1299: 'SQLITE_CONSTRAINT_NOTNULL',
  1555: 'SQLITE_CONSTRAINT_PRIMARYKEY',
  2067: 'SQLITE_CONSTRAINT_UNIQUE',
};

export class SqliteError extends Error {
  override readonly name = 'SqliteError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** node:sqlite's error (or a binding TypeError) as a SqliteError of this realm with a named code. */
export const toSqliteError = (error: unknown): SqliteError => {
  const e = error as { message?: unknown; errcode?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.errcode === 'number') {
    return new SqliteError(message, RESULT_CODES[e.errcode] ?? RESULT_CODES[e.errcode & 0xff] ?? `SQLITE_${e.errcode}`);
  }
  return new SqliteError(message, typeof e?.code === 'string' ? e.code : 'SQLITE_ERROR');
};
