// The UploadDeadlines contract on SQLite, in a temp file.
import { mkdtemp, rm } from 'node:fs/promises';
import { defaultSqliteDriver } from '@mediaflow/sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteUploadDeadlines } from '../../src/adapters/local/sqlite-upload-deadlines';
import { describeUploadDeadlinesContract } from '../../src/testing/upload-deadlines-contract';

describeUploadDeadlinesContract(`SQLite ${defaultSqliteDriver()}`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-deadlines-'));
  const deadlines = new SqliteUploadDeadlines(join(dir, 'ingest.read.sqlite'));
  return {
    deadlines,
    dispose: async () => {
      deadlines.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
