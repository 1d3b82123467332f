// The jobs read model's SQLite file (jobs.read.sqlite): one row per job, the view as JSON plus the
// columns the queries filter and sort on. It is a projection: deleting the file and rebuilding from
// the event store loses nothing.
import { openSqliteFile, type SqliteDatabase } from '@mediaflow/sqlite';

export type ReadModelDatabase = SqliteDatabase;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  job_id       TEXT    PRIMARY KEY,
  owner_id     TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  sort_key     TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  retry_due_at TEXT    NULL,
  completed_at TEXT    NULL,
  view         TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (owner_id, sort_key);
CREATE INDEX IF NOT EXISTS jobs_by_owner_status ON jobs (owner_id, status, sort_key);
CREATE INDEX IF NOT EXISTS jobs_retry_due ON jobs (retry_due_at) WHERE retry_due_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS jobs_completed ON jobs (completed_at) WHERE completed_at IS NOT NULL;
`;

const SCHEMA_VERSION = 1;

// NORMAL: a projection lost in a power cut is rebuilt from the store, so no fsync per write.
export const openReadModelDatabase = (filename: string): ReadModelDatabase =>
  openSqliteFile({ filename, schema: SCHEMA, schemaVersion: SCHEMA_VERSION, label: 'read model', synchronous: 'NORMAL' });
