// Checks what callers pass to the store before any I/O, so both adapters refuse the same inputs with
// the same typed error, and serialises events once for whichever adapter writes them.
import { entrySizeOf, MAX_EVENT_BYTES } from '@mediaflow/bus';
import { SERVICES, sourceOf } from '@mediaflow/contracts';
import type { AppendOptions, NewEvent } from './event-store';
import { EventStoreInputInvalid } from './errors/event-store-input-invalid';
import { EventTooLargeForBus } from './errors/event-too-large-for-bus';

/** Longest stream id, consumer or event id: keeps DynamoDB keys well under their 1 KB / 2 KB limits. */
const MAX_ID_LENGTH = 512;

/** A NewEvent checked and serialised, ready for an adapter to write. */
export interface PreparedEvent {
  readonly type: string;
  readonly eventId: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
const idProblem = (what: string, value: unknown): string[] =>
  isId(value)
    ? []
    : [
        `${what} must be a non-empty string of at most ${MAX_ID_LENGTH} characters (got ${JSON.stringify(value)})`,
      ];

const toJson = (value: unknown, what: string, problems: string[]): string => {
  try {
    const json = JSON.stringify(value);
    if (typeof json === 'string') return json;
    problems.push(`${what} must be a JSON value (got ${typeof value})`);
  } catch (error) {
    problems.push(`${what} cannot be serialised as JSON: ${(error as Error).message}`);
  }
  return '';
};

const prepareEvent = (event: NewEvent, index: number, problems: string[]): PreparedEvent => {
  const at = `events[${index}]`;
  const before = problems.length;
  if (typeof event?.type !== 'string' || event.type.length === 0)
    problems.push(`${at}.type must be a non-empty string`);
  const metadata = event?.metadata;
  if (typeof metadata !== 'object' || metadata === null) problems.push(`${at}.metadata is required`);
  else {
    problems.push(...idProblem(`${at}.metadata.eventId`, metadata.eventId));
    if (!Number.isSafeInteger(metadata.version) || metadata.version < 1)
      problems.push(`${at}.metadata.version must be an integer >= 1`);
  }
  const dataJson = toJson(event?.data, `${at}.data`, problems);
  const metadataJson = problems.length === before ? toJson(metadata, `${at}.metadata`, problems) : '';
  return {
    type: event?.type,
    eventId: metadata?.eventId,
    schemaVersion: metadata?.version,
    dataJson,
    metadataJson,
  };
};

const fail = (problems: string[]): void => {
  if (problems.length > 0) throw new EventStoreInputInvalid(problems);
};

export const prepareAppend = (
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): PreparedEvent[] => {
  const problems = idProblem('streamId', streamId);
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    problems.push(`expectedVersion must be an integer >= 0 (got ${String(expectedVersion)})`);
  }
  if (options.consumed !== undefined) {
    problems.push(
      ...idProblem('consumed.consumer', options.consumed?.consumer),
      ...idProblem('consumed.eventId', options.consumed?.eventId),
    );
  }
  if (!Array.isArray(events)) {
    fail([...problems, 'events must be an array']);
    return [];
  }
  const prepared = events.map((event, index) => prepareEvent(event, index, problems));
  fail(problems);
  prepared.forEach((event, index) => checkFitsOnBus(streamId, event, index));
  return prepared;
};

/**
 * The store does not know which service's outbox relays the event, so the size counts the longest
 * `source`: at most a few bytes stricter than the publisher, never looser.
 */
const LONGEST_SOURCE = SERVICES.map(sourceOf).reduce((a, b) => (b.length > a.length ? b : a));

/** Bytes of the event as a PutEvents entry: the relay publishes detail = { metadata, data } (toBusEnvelope). */
export const busEntrySizeOf = (event: Pick<PreparedEvent, 'type' | 'dataJson' | 'metadataJson'>): number =>
  entrySizeOf({
    source: LONGEST_SOURCE,
    detailType: event.type,
    detail: `{"metadata":${event.metadataJson},"data":${event.dataJson}}`,
  });

const checkFitsOnBus = (streamId: string, event: PreparedEvent, index: number): void => {
  const sizeBytes = busEntrySizeOf(event);
  if (sizeBytes > MAX_EVENT_BYTES)
    throw new EventTooLargeForBus(streamId, index, event.type, event.eventId, sizeBytes, MAX_EVENT_BYTES);
};

export const checkRead = (streamId: string, fromVersion: number): void => {
  const problems = idProblem('streamId', streamId);
  if (!Number.isSafeInteger(fromVersion) || fromVersion < 1)
    problems.push(`fromVersion must be an integer >= 1 (got ${String(fromVersion)})`);
  fail(problems);
};

export const checkHandledQuery = (consumer: string, eventId: string): void =>
  fail([...idProblem('consumer', consumer), ...idProblem('eventId', eventId)]);
