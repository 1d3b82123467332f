import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteFile, SqliteSchemaTooNew } from '../src';

const schema = 'CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);';

describe('openSqliteFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-sqlite-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);

  it('opens in WAL with the asked durability and applies the schema idempotently', () => {
    const options = { filename: file('a.sqlite'), schema, schemaVersion: 2, label: 'test', synchronous: 'FULL' as const };
    const db = openSqliteFile(options);
    db.prepare('INSERT INTO t (v) VALUES (?)').run('kept');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    const again = openSqliteFile(options);
    expect(again.prepare('SELECT v FROM t').all()).toEqual([{ v: 'kept' }]);
    expect(again.pragma('user_version', { simple: true })).toBe(2);
    again.close();
  });

  it('refuses a file written by newer code instead of misreading it', () => {
    const filename = file('b.sqlite');
    openSqliteFile({ filename, schema, schemaVersion: 3, label: 'test', synchronous: 'NORMAL' }).close();
    expect(() => openSqliteFile({ filename, schema, schemaVersion: 2, label: 'read model', synchronous: 'NORMAL' })).toThrow(SqliteSchemaTooNew);
  });
});
