// How a row of the SQLite events table becomes a StoredEvent (shared by reads and the outbox).
import type { EventMetadata } from '@mediaflow/contracts';
import type { StoredEvent } from '../event-store';

export interface EventRow {
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  stored_at: string;
}

export const storedEventFromRow = (row: EventRow): StoredEvent => ({
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  type: row.type,
  schemaVersion: row.schema_version,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  storedAt: row.stored_at,
});
