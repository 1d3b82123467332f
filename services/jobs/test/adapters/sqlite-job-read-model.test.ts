// The JobReadModel contract on the SQLite adapter: a real file in a temp dir.
import fs from 'node:fs';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import os from 'node:os';
import path from 'node:path';
import { SqliteJobReadModel } from '../../src/adapters/local/sqlite-job-read-model';
import { describeJobReadModelContract } from '../support/job-read-model-contract';

describeJobReadModelContract(`SQLite ${defaultSqliteDriver()}`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-read-'));
  const readModel = SqliteJobReadModel.open(path.join(dir, 'jobs.read.sqlite'));
  return {
    readModel,
    cleanup: async () => {
      readModel.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
