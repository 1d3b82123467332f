// The event store port: append-only streams with optimistic concurrency, plus the transactional
// inbox that lets a consumer record "I handled this incoming event" in the same write as its effects.
import type { EventMetadata } from '@mediaflow/contracts';

/** An event about to be appended. `metadata.version` is the major version of the event's schema. */
export interface NewEvent {
  readonly type: string;
  /** Any JSON value; it is stored as JSON and read back as parsed JSON. */
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface StoredEvent {
  readonly streamId: string;
  /** 1 for a stream's first event, then +1 per event, without gaps. */
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** ISO time the store accepted the event (the writer's clock). */
  readonly storedAt: string;
}

export interface ConsumedEvent {
  /** Who handled it, e.g. "jobs.upload-completed"; one inbox per consumer. */
  readonly consumer: string;
  /** The eventId of the incoming event. */
  readonly eventId: string;
}

export interface AppendOptions {
  /** Records in the same transaction that `consumer` handled `eventId` (exactly-once effects). */
  readonly consumed?: ConsumedEvent;
}

export interface AppendResult {
  /** The stream version after the append: pass it as `expectedVersion` to append after it. */
  readonly nextExpectedVersion: number;
}

export interface EventStore {
  /**
   * Appends `events` to `streamId` if the stream is exactly at `expectedVersion` (0: the stream must
   * not exist), all or nothing. Throws StreamVersionConflict when it is not, EventAlreadyHandled
   * (and writes nothing) when `options.consumed` was recorded before, EventStoreInputInvalid on bad
   * input. Zero events is allowed: it checks the version and records `consumed`, if given.
   */
  append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;

  /** Events of `streamId` from `fromVersion` (default 1) on, in stream order; [] for an unknown stream. */
  read(streamId: string, fromVersion?: number): Promise<StoredEvent[]>;

  /** Whether `consumer` recorded `eventId` as handled (see AppendOptions.consumed). */
  hasHandled(consumer: string, eventId: string): Promise<boolean>;
}
