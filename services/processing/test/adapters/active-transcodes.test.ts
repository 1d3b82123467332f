import fs from 'node:fs';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import os from 'node:os';
import path from 'node:path';
import { SqliteActiveTranscodes } from '../../src/adapters/local/sqlite-active-transcodes';
import { describeActiveTranscodesContract } from '../support/active-transcodes-contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-active-'));
const opened: SqliteActiveTranscodes[] = [];
afterAll(() => {
  for (const index of opened) index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describeActiveTranscodesContract(`SQLite ${defaultSqliteDriver()}`, async () => {
  const index = new SqliteActiveTranscodes(path.join(dir, `read-${opened.length}.sqlite`));
  opened.push(index);
  return index;
});

it('keeps its entries across a reopen of the file (a restarted process sees them)', async () => {
  const file = path.join(dir, 'reopen.sqlite');
  const first = new SqliteActiveTranscodes(file);
  await first.add('job_a', new Date(1000));
  first.close();
  const second = new SqliteActiveTranscodes(file);
  opened.push(second);
  expect(await second.list()).toEqual([{ jobId: 'job_a', since: new Date(1000) }]);
});
