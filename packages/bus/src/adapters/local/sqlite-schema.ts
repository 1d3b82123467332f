// The embedded bus's tables, in the one SQLite file the whole embedded deployment shares.
// bus_events is the append-only log; each subscriber has a checkpoint (how far its routing has read the
// log) and rows in bus_deliveries for the events routed to it and not yet acknowledged.
import { openSqliteFile, type SqliteDatabase, type SqliteDriver } from '@mediaflow/sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bus_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,                -- the envelope JSON as published: {source, detail-type, detail}
  published_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bus_subscribers (
  subscriber TEXT PRIMARY KEY,
  checkpoint INTEGER NOT NULL,       -- highest bus_events.seq already routed for this subscriber
  registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bus_deliveries (
  subscriber TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES bus_events(seq),
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL,           -- epoch ms of the next attempt
  leased_until INTEGER,              -- epoch ms; set while a handler holds the event
  last_error TEXT,
  PRIMARY KEY (subscriber, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bus_dead_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscriber TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  error TEXT NOT NULL,               -- JSON DeadLetterError
  attempts INTEGER NOT NULL,
  dead_lettered_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bus_dead_letters_by_subscriber ON bus_dead_letters (subscriber, id);
`;

export type BusDatabase = SqliteDatabase;

// WAL: publishers and consumers (possibly other processes) do not block each other's reads.
// FULL: once publish returns, the event survives a power cut too (an outbox may then mark it sent).
export const openBusDatabase = (file: string, driver?: SqliteDriver): BusDatabase =>
  openSqliteFile({ filename: file, schema: SCHEMA, schemaVersion: 1, label: 'bus', synchronous: 'FULL', driver });
