// The public events notifications forwards to webhooks and live streams: the one list the bus
// declaration, the webhook event-type filter and the API documentation all read. Facts only: jobs'
// requests to processing (ProbeRequested, TranscodeRequested) are not forwarded, not even under "*".
import type { EventName } from '@mediaflow/contracts';

export const NOTIFIED_EVENTS_BY_PUBLISHER = {
  // A URL ingest that ends without its bytes creates no job: this is the owner's only word of it.
  ingest: ['UploadFailed'],
  jobs: ['JobCreated', 'JobValidated', 'JobRejected', 'JobCompleted', 'JobFailed', 'JobCancelled'],
  processing: ['TranscodeStarted', 'TranscodeProgressed', 'TranscodeFinished', 'TranscodeFailed'],
} as const satisfies Record<string, readonly EventName[]>;

type NotifiedEventName = (typeof NOTIFIED_EVENTS_BY_PUBLISHER)[keyof typeof NOTIFIED_EVENTS_BY_PUBLISHER][number];

export const NOTIFIED_EVENTS: readonly NotifiedEventName[] = Object.freeze([
  ...NOTIFIED_EVENTS_BY_PUBLISHER.ingest,
  ...NOTIFIED_EVENTS_BY_PUBLISHER.jobs,
  ...NOTIFIED_EVENTS_BY_PUBLISHER.processing,
]);

export const isNotifiedEvent = (name: string): name is NotifiedEventName => (NOTIFIED_EVENTS as readonly string[]).includes(name);

/** A subscription's filter: "*" (every notified event) or a list of event names. */
export const ALL_EVENTS = '*';
export type EventTypeFilter = readonly (NotifiedEventName | typeof ALL_EVENTS)[];

export const filterMatches = (filter: EventTypeFilter, name: string): boolean =>
  filter.includes(ALL_EVENTS) || (filter as readonly string[]).includes(name);
