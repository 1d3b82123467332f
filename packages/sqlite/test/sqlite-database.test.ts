// The SqliteDatabase every adapter uses, on the driver this Node chooses (better-sqlite3 on Node 20,
// node:sqlite on 22.13+): CI runs this file on both, so both drivers keep one behaviour.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSqliteDriver, openSqliteDatabase, SqliteDriverUnavailable, type SqliteDatabase } from '../src';

const driver = defaultSqliteDriver();

describe(`SqliteDatabase [${driver} on Node ${process.versions.node}]`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-sqlite-db-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const open = (): { db: SqliteDatabase; file: string } => {
    const file = path.join(dir, `db-${(n += 1)}.sqlite`);
    const db = openSqliteDatabase(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, n INTEGER)');
    return { db, file };
  };
  const values = (db: SqliteDatabase) => db.prepare<[], { v: string }>('SELECT v FROM t ORDER BY id').all().map((r) => r.v);

  it('runs statements with positional and named parameters, and reports changes and row ids', () => {
    const { db } = open();
    const insert = db.prepare<[string, number], never>('INSERT INTO t (v, n) VALUES (?, ?)');
    expect(insert.run('a', 1)).toMatchObject({ changes: 1, lastInsertRowid: 1 });
    db.prepare<[{ v: string; n: number }], never>('INSERT INTO t (v, n) VALUES (@v, @n)').run({ v: 'b', n: 2 });
    expect(db.prepare<[number], { v: string; n: number }>('SELECT v, n FROM t WHERE n = ?').get(2)).toEqual({ v: 'b', n: 2 });
    expect(db.prepare<[number], { v: string }>('SELECT v FROM t WHERE n = ?').get(99)).toBeUndefined();
    expect(db.prepare('UPDATE t SET n = n + 1').run().changes).toBe(2);
    db.close();
  });

  it('takes a named-parameter object with more keys than the statement names', () => {
    const { db } = open();
    db.prepare<[{ v: string; n: number; extra: string }], never>('INSERT INTO t (v, n) VALUES (@v, @n)').run({ v: 'a', n: 1, extra: 'ignored' });
    expect(values(db)).toEqual(['a']);
    db.close();
  });

  it('fails a constraint with the SQLite result code the adapters test for', () => {
    const { db } = open();
    const insert = db.prepare<[number, string], never>('INSERT INTO t (id, v) VALUES (?, ?)');
    insert.run(1, 'a');
    let caught: unknown;
    try {
      insert.run(1, 'again');
    } catch (error) {
      caught = error;
    }
    // Not `toBeInstanceOf(Error)`: better-sqlite3's addon keeps the error class of the first test file
    // that loaded it in this jest worker, another realm's Error. The adapters read `code`, not the class.
    expect(caught).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: expect.stringMatching(/constraint/i) });
    db.close();
  });

  it('commits a transaction, and rolls it back whole when its function throws', () => {
    const { db } = open();
    const add = db.transaction((...vs: string[]) => {
      for (const v of vs) db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      if (vs.includes('boom')) throw new Error('boom');
      return vs.length;
    });
    expect(add('a', 'b')).toBe(2);
    expect(() => add.immediate('c', 'boom')).toThrow('boom');
    expect(values(db)).toEqual(['a', 'b']);
    db.close();
  });

  it('nests a transaction as a savepoint: an inner failure undoes only the inner part', () => {
    const { db } = open();
    const inner = db.transaction((v: string) => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      throw new Error('inner');
    });
    db.transaction(() => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run('outer');
      expect(() => inner('dropped')).toThrow('inner');
      db.prepare('INSERT INTO t (v) VALUES (?)').run('after');
    }).immediate();
    expect(values(db)).toEqual(['outer', 'after']);
    db.close();
  });

  it('holds the write lock from BEGIN IMMEDIATE: another connection waits its busy timeout, then fails', () => {
    const { db, file } = open();
    const other = openSqliteDatabase(file);
    other.pragma('busy_timeout = 50');
    db.transaction(() => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run('mine');
      expect(() => other.transaction(() => other.prepare('INSERT INTO t (v) VALUES (?)').run('theirs')).immediate()).toThrow(/locked|busy/i);
    }).immediate();
    expect(values(other)).toEqual(['mine']);
    other.close();
    db.close();
  });

  it('reads pragmas as rows or, with simple, as one value', () => {
    const { db } = open();
    db.pragma('journal_mode = WAL');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    db.close();
  });
});

describe('the SQLite driver choice', () => {
  it.each([
    ['20.19.0', 'better-sqlite3'],
    ['22.12.0', 'better-sqlite3'],
    ['22.13.0', 'node:sqlite'],
    ['24.0.0', 'node:sqlite'],
  ])('Node %s uses %s', (version, expected) => {
    expect(defaultSqliteDriver(version)).toBe(expected);
  });

  (driver === 'better-sqlite3' ? it : it.skip)('names the driver and the Node when node:sqlite is asked for on a Node without it', () => {
    expect(() => openSqliteDatabase(path.join(os.tmpdir(), 'never.sqlite'), 'node:sqlite')).toThrow(SqliteDriverUnavailable);
  });
});
