// JobReadModel on a SQLite file (embedded mode). Upserts are conditional on the stream version, so
// two handlers projecting the same job in either order leave the newer view.
import { JOB_STATUSES, type JobStatus } from '../../domain/job-status';
import { decodeCursor, encodeCursor, listSortKey } from '../../ports/job-list-cursor';
import type { DueRetry, JobListQuery, JobPage, JobReadModel, JobStats } from '../../ports/job-read-model';
import type { JobView } from '../../ports/job-view';
import { openReadModelDatabase, type ReadModelDatabase } from './sqlite-job-read-model-schema';

interface ViewRow {
  view: string;
  sort_key: string;
}

const HOUR_MS = 3_600_000;

export class SqliteJobReadModel implements JobReadModel {
  private constructor(private readonly db: ReadModelDatabase) {}

  static open(filename: string): SqliteJobReadModel {
    return new SqliteJobReadModel(openReadModelDatabase(filename));
  }

  close(): void {
    this.db.close();
  }

  async upsert(view: JobView): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO jobs (job_id, owner_id, status, sort_key, version, retry_due_at, completed_at, view)
         VALUES (@jobId, @ownerId, @status, @sortKey, @version, @retryDueAt, @completedAt, @view)
         ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, version = excluded.version,
           retry_due_at = excluded.retry_due_at, completed_at = excluded.completed_at, view = excluded.view
         WHERE excluded.version > jobs.version`,
      )
      .run({
        jobId: view.jobId,
        ownerId: view.ownerId,
        status: view.status,
        sortKey: listSortKey(view.createdAt, view.jobId),
        version: view.version,
        retryDueAt: view.status === 'retry-scheduled' ? (view.retry?.dueAt ?? null) : null,
        completedAt: view.completedAt ?? null,
        view: JSON.stringify(view),
      });
  }

  async get(jobId: string): Promise<JobView | undefined> {
    const row = this.db.prepare('SELECT view FROM jobs WHERE job_id = ?').get(jobId) as ViewRow | undefined;
    return row ? (JSON.parse(row.view) as JobView) : undefined;
  }

  async listByOwner(ownerId: string, query: JobListQuery): Promise<JobPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const clauses = ['owner_id = @ownerId', ...(query.status ? ['status = @status'] : []), ...(after ? ['sort_key < @after'] : [])];
    const rows = this.db
      .prepare(`SELECT view, sort_key FROM jobs WHERE ${clauses.join(' AND ')} ORDER BY sort_key DESC LIMIT @take`)
      .all({ ownerId, status: query.status, after, take: query.limit + 1 }) as ViewRow[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const items = page.map((r) => JSON.parse(r.view) as JobView);
    return rows.length > query.limit && last ? { items, nextCursor: encodeCursor(last.sort_key) } : { items };
  }

  async dueRetries(now: Date, limit = 50): Promise<DueRetry[]> {
    const rows = this.db
      .prepare('SELECT view FROM jobs WHERE retry_due_at IS NOT NULL AND retry_due_at <= ? ORDER BY retry_due_at LIMIT ?')
      .all(now.toISOString(), limit) as ViewRow[];
    return rows.flatMap((r) => {
      const view = JSON.parse(r.view) as JobView;
      if (!view.retry) return [];
      const { jobId, ownerId, correlationId } = view;
      return [{ jobId, ownerId, correlationId, ...view.retry }];
    });
  }

  async stats(now: Date): Promise<JobStats> {
    const counts = this.db.prepare('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status').all() as { status: string; n: number }[];
    const byStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const { status, n } of counts) if (status in byStatus) byStatus[status as JobStatus] = n;
    const completedSince = (ms: number): number =>
      (this.db.prepare('SELECT COUNT(*) AS n FROM jobs WHERE completed_at >= ?').get(new Date(now.getTime() - ms).toISOString()) as { n: number }).n;
    return {
      total: counts.reduce((sum, c) => sum + c.n, 0),
      byStatus,
      completedLastHour: completedSince(HOUR_MS),
      completedLastDay: completedSince(24 * HOUR_MS),
    };
  }
}
