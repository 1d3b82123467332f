// Opens notifications' own SQLite file (`notifications.read.sqlite`): the subscriptions read model, the
// delivery queue and log, endpoint health, the handled-event inbox and the recent events for SSE
// replay. WAL and FULL sync as the event store does, so an acknowledged enqueue survives a crash.
import { openSqliteFile, type SqliteDatabase } from '@mediaflow/sqlite';

export type NotificationsDatabase = SqliteDatabase;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  subscription_id TEXT    PRIMARY KEY,
  owner_id        TEXT    NOT NULL,
  version         INTEGER NOT NULL,
  status          TEXT    NOT NULL,
  created_at      TEXT    NOT NULL,
  view            TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS webhook_subscriptions_by_owner ON webhook_subscriptions (owner_id, created_at);

CREATE TABLE IF NOT EXISTS deliveries (
  subscription_id TEXT    NOT NULL,
  event_id        TEXT    NOT NULL,
  owner_id        TEXT    NOT NULL,
  event_type      TEXT    NOT NULL,
  body            TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  due_at          INTEGER NULL,
  claim           TEXT    NULL,
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER NULL,
  PRIMARY KEY (subscription_id, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (due_at) WHERE status = 'pending';

CREATE TABLE IF NOT EXISTS delivery_attempts (
  subscription_id TEXT    NOT NULL,
  attempted_at    INTEGER NOT NULL,
  event_id        TEXT    NOT NULL,
  attempt         INTEGER NOT NULL,
  outcome         TEXT    NOT NULL,
  event_type      TEXT    NOT NULL,
  response_status INTEGER NULL,
  duration_ms     INTEGER NULL,
  error           TEXT    NULL,
  next_attempt_at INTEGER NULL,
  PRIMARY KEY (subscription_id, attempted_at, event_id, attempt, outcome)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS endpoint_health (
  subscription_id      TEXT    PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL,
  failing_since        INTEGER NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS recent_events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id   TEXT    NOT NULL,
  stored_at  INTEGER NOT NULL,
  event_id   TEXT    NOT NULL,
  payload    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS recent_events_by_owner ON recent_events (owner_id, stored_at, seq);

CREATE TABLE IF NOT EXISTS handled_events (
  event_id   TEXT    PRIMARY KEY,
  handled_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

const SCHEMA_VERSION = 1;

export const openNotificationsDatabase = (filename: string, busyTimeoutMs = 5000): NotificationsDatabase =>
  openSqliteFile({ filename, schema: SCHEMA, schemaVersion: SCHEMA_VERSION, label: 'notifications', synchronous: 'FULL', busyTimeoutMs });
