// ActiveTranscodes in processing's own read-model file (`<data>/processing.read.sqlite`, never
// another service's): one row per job that may have a running attempt.
import { openSqliteFile, type SqliteDatabase } from '@mediaflow/sqlite';
import type { ActiveTranscode, ActiveTranscodes } from '../../ports/active-transcodes';

export class SqliteActiveTranscodes implements ActiveTranscodes {
  private readonly db: SqliteDatabase;

  constructor(filename: string) {
    this.db = openSqliteFile({
      filename,
      schema: 'CREATE TABLE IF NOT EXISTS active_transcodes (job_id TEXT PRIMARY KEY, since_ms INTEGER NOT NULL) WITHOUT ROWID',
      schemaVersion: 1,
      label: 'active transcodes',
      synchronous: 'FULL',
    });
  }

  async add(jobId: string, since: Date): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO active_transcodes (job_id, since_ms) VALUES (?, ?) ON CONFLICT (job_id) DO UPDATE SET since_ms = excluded.since_ms',
      )
      .run(jobId, since.getTime());
  }

  async remove(jobId: string): Promise<void> {
    this.db.prepare('DELETE FROM active_transcodes WHERE job_id = ?').run(jobId);
  }

  async list(): Promise<ActiveTranscode[]> {
    const rows = this.db
      .prepare('SELECT job_id, since_ms FROM active_transcodes ORDER BY since_ms, job_id')
      .all() as { job_id: string; since_ms: number }[];
    return rows.map((r) => ({ jobId: r.job_id, since: new Date(r.since_ms) }));
  }

  close(): void {
    this.db.close();
  }
}
