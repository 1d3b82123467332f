// node:sqlite (built into Node ≥ 22.13) behind the SqliteDatabase shape the adapters were written for
// with better-sqlite3: transactions as wrapped functions (savepoints when nested) and pragma().
// node:sqlite is loaded with require so this file type-checks and loads on Node 20, which lacks it.
import type { SqliteDatabase, SqliteStatement, SqliteTransaction } from './sqlite-database';
import { loadDriver } from './sqlite-driver-unavailable';
import { toSqliteError } from './sqlite-error';

interface NodeStatementSync {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

interface NodeDatabaseSync {
  prepare(sql: string): NodeStatementSync;
  exec(sql: string): void;
  close(): void;
}

type NodeSqlite = { DatabaseSync: new (filename: string) => NodeDatabaseSync };

// Node 22 prints an ExperimentalWarning the first time node:sqlite loads; 24 does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadNodeSqlite = (): NodeSqlite => loadDriver('node:sqlite', () => require('node:sqlite') as NodeSqlite);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

const translated = <T>(call: () => T): T => {
  try {
    return call();
  } catch (error) {
    throw toSqliteError(error);
  }
};

/** The @name / :name / $name parameters of a statement's SQL, found once per SQL text. */
const parameterNames = new Map<string, ReadonlySet<string>>();
const namesIn = (sql: string): ReadonlySet<string> => {
  let names = parameterNames.get(sql);
  if (!names) parameterNames.set(sql, (names = new Set([...sql.matchAll(/[@:$]([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))));
  return names;
};

/**
 * better-sqlite3 takes an object with more keys than the statement names; node:sqlite refuses the
 * extra ones. The object is cut to the statement's own parameters.
 */
const bindable = (sql: string, params: unknown[]): unknown[] => {
  const [first, ...rest] = params;
  if (first === null || typeof first !== 'object' || Array.isArray(first) || ArrayBuffer.isView(first)) return params;
  const names = namesIn(sql);
  return [Object.fromEntries(Object.entries(first).filter(([key]) => names.has(key))), ...rest];
};

export class NodeSqliteDatabase implements SqliteDatabase {
  private readonly db: NodeDatabaseSync;
  private depth = 0;
  /** BEGIN, COMMIT and savepoint statements, prepared once: a transaction is not parsed per call. */
  private readonly control = new Map<string, NodeStatementSync>();

  constructor(filename: string) {
    const { DatabaseSync } = loadNodeSqlite();
    this.db = translated(() => new DatabaseSync(filename));
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqliteStatement<P, R> {
    const statement = translated(() => this.db.prepare(sql));
    const bind = (params: unknown[]) => bindable(sql, params);
    return {
      run: (...params: P) =>
        translated(() => {
          const { changes, lastInsertRowid } = statement.run(...bind(params));
          return { changes: Number(changes), lastInsertRowid };
        }),
      get: (...params: P) => translated(() => statement.get(...bind(params)) as R | undefined),
      all: (...params: P) => translated(() => statement.all(...bind(params)) as R[]),
    };
  }

  exec(sql: string): void {
    translated(() => this.db.exec(sql));
  }

  pragma(source: string, options: { readonly simple?: boolean } = {}): unknown {
    const rows = translated(() => this.db.prepare(`PRAGMA ${source}`).all()) as Record<string, unknown>[];
    if (!options.simple) return rows;
    const first = rows[0];
    return first === undefined ? undefined : Object.values(first)[0];
  }

  transaction<F extends AnyFunction>(fn: F): SqliteTransaction<F> {
    const inMode = (mode: 'DEFERRED' | 'IMMEDIATE' | 'EXCLUSIVE') =>
      ((...args: Parameters<F>): ReturnType<F> => (this.depth > 0 ? this.nested(fn, args) : this.outermost(mode, fn, args))) as F;
    return Object.assign(inMode('DEFERRED'), { deferred: inMode('DEFERRED'), immediate: inMode('IMMEDIATE'), exclusive: inMode('EXCLUSIVE') });
  }

  close(): void {
    this.db.close();
  }

  private run(sql: string): void {
    let statement = this.control.get(sql);
    if (!statement) this.control.set(sql, (statement = translated(() => this.db.prepare(sql))));
    translated(() => statement.run());
  }

  private outermost<F extends AnyFunction>(mode: string, fn: F, args: Parameters<F>): ReturnType<F> {
    this.run(`BEGIN ${mode}`);
    this.depth += 1;
    try {
      const result = fn(...args) as ReturnType<F>;
      this.run('COMMIT');
      return result;
    } catch (error) {
      this.rollback('ROLLBACK');
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private nested<F extends AnyFunction>(fn: F, args: Parameters<F>): ReturnType<F> {
    // Named by depth: unique among the savepoints open at once, and a bounded set of statements.
    const name = `mediaflow_${this.depth}`;
    this.run(`SAVEPOINT ${name}`);
    this.depth += 1;
    try {
      const result = fn(...args) as ReturnType<F>;
      this.run(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.rollback(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  /** A failed COMMIT may have ended the transaction already (SQLite rolls back on some errors). */
  private rollback(sql: string): void {
    try {
      this.db.exec(sql);
    } catch {
      // nothing left to roll back
    }
  }
}
