// EventStore over one SQLite file (embedded mode): each append is one IMMEDIATE transaction that
// checks the inbox and the stream version, then writes events, outbox rows and the inbox row.
import type { AppendOptions, AppendResult, EventStore, NewEvent, StoredEvent } from '../event-store';
import { EventAlreadyHandled } from '../errors/event-already-handled';
import { StreamVersionConflict } from '../errors/stream-version-conflict';
import { checkHandledQuery, checkRead, prepareAppend, type PreparedEvent } from '../input-validation';
import type { SqliteDatabase } from './sqlite-schema';
import { storedEventFromRow, type EventRow } from './sqlite-rows';

const isPrimaryKeyClash = (error: unknown): boolean =>
  (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

export class SqliteEventStore implements EventStore {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = {
      streamVersion: db.prepare<[string], { version: number | null }>(
        'SELECT MAX(stream_version) AS version FROM events WHERE stream_id = ?',
      ),
      handled: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM inbox WHERE consumer = ? AND event_id = ?',
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, stored_at)
         VALUES (@streamId, @streamVersion, @eventId, @type, @schemaVersion, @dataJson, @metadataJson, @storedAt)`,
      ),
      insertOutbox: db.prepare('INSERT INTO outbox (stream_id, stream_version) VALUES (?, ?)'),
      insertInbox: db.prepare('INSERT INTO inbox (consumer, event_id, handled_at) VALUES (?, ?, ?)'),
      read: db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version',
      ),
    };
  }

  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, expectedVersion, events, options);
    try {
      // IMMEDIATE takes the write lock before the version is read, so no other connection or process
      // can append between the check and the insert (busy_timeout makes it wait its turn).
      this.db
        .transaction(() => this.appendInTransaction(streamId, expectedVersion, prepared, options))
        .immediate();
    } catch (error) {
      // Cannot happen under the write lock; kept so a clash can never surface as a raw SQLite error.
      if (isPrimaryKeyClash(error))
        throw new StreamVersionConflict(streamId, expectedVersion, undefined, error);
      throw error;
    }
    return { nextExpectedVersion: expectedVersion + prepared.length };
  }

  private appendInTransaction(
    streamId: string,
    expectedVersion: number,
    events: PreparedEvent[],
    { consumed }: AppendOptions,
  ): void {
    // The inbox is checked first: a redelivered event usually also meets a moved stream, and
    // "already handled" is the answer that lets the consumer acknowledge instead of retrying.
    if (consumed && this.statements.handled.get(consumed.consumer, consumed.eventId)) {
      throw new EventAlreadyHandled(consumed.consumer, consumed.eventId);
    }
    const actual = this.statements.streamVersion.get(streamId)?.version ?? 0;
    if (actual !== expectedVersion) throw new StreamVersionConflict(streamId, expectedVersion, actual);

    const storedAt = this.now().toISOString();
    events.forEach((event, index) => {
      const streamVersion = expectedVersion + index + 1;
      this.statements.insertEvent.run({ ...event, streamId, streamVersion, storedAt });
      this.statements.insertOutbox.run(streamId, streamVersion);
    });
    if (consumed) this.statements.insertInbox.run(consumed.consumer, consumed.eventId, storedAt);
  }

  async read(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    checkRead(streamId, fromVersion);
    return this.statements.read.all(streamId, fromVersion).map(storedEventFromRow);
  }

  async hasHandled(consumer: string, eventId: string): Promise<boolean> {
    checkHandledQuery(consumer, eventId);
    return this.statements.handled.get(consumer, eventId) !== undefined;
  }
}
