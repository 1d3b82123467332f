// The application over real local adapters: a SQLite event store in a temp dir, the embedded blob
// endpoint over the local disk, SQLite deadlines, and a clock the test moves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import { createLogger } from '@mediaflow/logging';
import { randomIds } from '@mediaflow/service-kit';
import { HttpSourceFetcher } from '../../src/adapters/outbound/http-source-fetcher';
import { randomUploadIds } from '../../src/adapters/random-upload-ids';
import { SqliteUploadDeadlines } from '../../src/adapters/local/sqlite-upload-deadlines';
import { IngestApplication } from '../../src/application/ingest-application';
import type { UploadPolicy } from '../../src/domain/upload-policy';
import { startEmbeddedBlobStorage } from './embedded-blob-server';
import { testPolicy } from './upload-fixtures';

process.env.LOG_LEVEL ??= 'WARN';

export const startIngestWorld = async (policy: UploadPolicy = testPolicy()) => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-app-'));
  const file = openSqliteEventStore({ filename: join(dir, 'ingest.events.sqlite'), service: 'ingest' });
  const blobs = await startEmbeddedBlobStorage();
  const deadlines = new SqliteUploadDeadlines(join(dir, 'ingest.read.sqlite'));
  let now = new Date();
  const app = new IngestApplication({
    store: file.store,
    clock: { now: () => now },
    ids: randomIds,
    uploadIds: randomUploadIds,
    storage: blobs.storage,
    deadlines,
    policy,
    logger: createLogger('ingest-test'),
    urlIngest: {
      fetcher: new HttpSourceFetcher({ policy: { allowLoopback: true }, maxRedirects: 5, connectTimeoutMs: 5000, idleTimeoutMs: 5000 }),
      bytes: blobs.uploads,
      policy: { allowLoopback: true },
      totalTimeoutMs: 60_000,
      progressIntervalMs: 1000,
      leaseMs: 65_000,
    },
  });
  return {
    app,
    store: file.store,
    uploads: blobs.uploads,
    deadlines,
    advance: (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
    eventTypes: async (uploadId: string) => (await file.store.read(`upload-${uploadId}`)).map((e) => e.type),
    dispose: async () => {
      deadlines.close();
      file.close();
      await blobs.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export type IngestWorld = Awaited<ReturnType<typeof startIngestWorld>>;

export const putBytes = async (
  url: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string }> => {
  const res = await fetch(url, { method: 'PUT', headers, body });
  await res.arrayBuffer();
  return { status: res.status, etag: res.headers.get('etag') ?? '' };
};
