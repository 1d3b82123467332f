// Opens (and creates) one service's SQLite event store file: WAL so readers never block the writer
// and several processes can share the file, busy_timeout so a second writer waits instead of failing.
import { openSqliteFile, type SqliteDatabase, type SqliteDriver } from '@mediaflow/sqlite';

export type { SqliteDatabase };

export interface SqliteEventStoreFileOptions {
  /** The service's store file, e.g. ./data/jobs/events.sqlite (its folder must exist). */
  readonly filename: string;
  /** How long a write waits for another connection's write lock before SQLITE_BUSY (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** Which SQLite driver opens the file; default: the one for the running Node (defaultSqliteDriver). */
  readonly driver?: SqliteDriver;
}

// Outbox rows point at events rather than copying them: one copy of every event, joined on claim.
// The partial index keeps "oldest pending" cheap however many published rows pile up.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL,
  event_id       TEXT    NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  stored_at      TEXT    NOT NULL,
  PRIMARY KEY (stream_id, stream_version)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS inbox (
  consumer   TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  handled_at TEXT NOT NULL,
  PRIMARY KEY (consumer, event_id)
) WITHOUT ROWID;
-- Pruning takes the oldest entries first (SqliteRetention).
CREATE INDEX IF NOT EXISTS inbox_by_handled_at ON inbox (handled_at);

CREATE TABLE IF NOT EXISTS outbox (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL,
  published_at   TEXT    NULL,
  FOREIGN KEY (stream_id, stream_version) REFERENCES events (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (seq) WHERE published_at IS NULL;

CREATE TABLE IF NOT EXISTS outbox_claim (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  relay_id    TEXT    NOT NULL,
  lease_until INTEGER NOT NULL
);
`;

const SCHEMA_VERSION = 1;

export const openEventStoreDatabase = ({ filename, busyTimeoutMs = 5000, driver }: SqliteEventStoreFileOptions): SqliteDatabase =>
  // FULL (not NORMAL) so an acknowledged append also survives a power cut, not only a crash.
  openSqliteFile({ filename, schema: SCHEMA, schemaVersion: SCHEMA_VERSION, label: 'event store', synchronous: 'FULL', busyTimeoutMs, driver });
