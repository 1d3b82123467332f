// UploadDeadlines in a SQLite file of ingest's own (<data>/ingest.read.sqlite, never another
// service's): one row per unfinished upload, indexed by deadline so a sweep reads only what is due.
import { openSqliteFile, type SqliteDatabase } from '@mediaflow/sqlite';
import type { UploadDeadline, UploadDeadlines } from '../../ports/upload-deadlines';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS upload_deadlines (
  upload_id  TEXT    PRIMARY KEY,
  owner_id   TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS upload_deadlines_due ON upload_deadlines (expires_at);
`;

interface Row {
  upload_id: string;
  owner_id: string;
  expires_at: number;
}

export class SqliteUploadDeadlines implements UploadDeadlines {
  private readonly db: SqliteDatabase;

  constructor(filename: string) {
    this.db = openSqliteFile({ filename, schema: SCHEMA, schemaVersion: 1, label: 'upload deadlines', synchronous: 'FULL' });
  }

  async schedule(deadline: UploadDeadline): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO upload_deadlines (upload_id, owner_id, expires_at) VALUES (?, ?, ?) ON CONFLICT (upload_id) DO UPDATE SET owner_id = excluded.owner_id, expires_at = excluded.expires_at',
      )
      .run(deadline.uploadId, deadline.ownerId, deadline.expiresAt.getTime());
  }

  async due(now: Date, limit: number): Promise<UploadDeadline[]> {
    const rows = this.db
      .prepare(
        'SELECT upload_id, owner_id, expires_at FROM upload_deadlines WHERE expires_at <= ? ORDER BY expires_at, upload_id LIMIT ?',
      )
      .all(now.getTime(), limit) as Row[];
    return rows.map((r) => ({
      uploadId: r.upload_id,
      ownerId: r.owner_id,
      expiresAt: new Date(r.expires_at),
    }));
  }

  async clear(uploadId: string): Promise<void> {
    this.db.prepare('DELETE FROM upload_deadlines WHERE upload_id = ?').run(uploadId);
  }

  close(): void {
    this.db.close();
  }
}
