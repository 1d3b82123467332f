// The one table of published events: name → publishing service and schema per major version. Every
// lookup, the JSON Schema generator and the compatibility test read it; add a version here to publish it.
import type { z } from 'zod';
import type { EventMetadata, ServiceName } from '../envelope';
import { JobCancelledV1Schema } from '../events/job-cancelled.v1';
import { JobCompletedV1Schema } from '../events/job-completed.v1';
import { JobCreatedV1Schema } from '../events/job-created.v1';
import { JobFailedV1Schema } from '../events/job-failed.v1';
import { JobRejectedV1Schema } from '../events/job-rejected.v1';
import { JobValidatedV1Schema } from '../events/job-validated.v1';
import { MediaProbedV1Schema } from '../events/media-probed.v1';
import { ProbeFailedV1Schema } from '../events/probe-failed.v1';
import { ProbeRequestedV1Schema } from '../events/probe-requested.v1';
import { TranscodeFailedV1Schema } from '../events/transcode-failed.v1';
import { TranscodeFinishedV1Schema } from '../events/transcode-finished.v1';
import { TranscodeProgressedV1Schema } from '../events/transcode-progressed.v1';
import { TranscodeRequestedV1Schema } from '../events/transcode-requested.v1';
import { TranscodeStartedV1Schema } from '../events/transcode-started.v1';
import { UploadCompletedV1Schema } from '../events/upload-completed.v1';
import { UploadFailedV1Schema } from '../events/upload-failed.v1';

interface RegisteredEventEntry {
  readonly publisher: ServiceName;
  /** Major version → schema of `detail.data`. An old major stays until no consumer reads it. */
  readonly versions: Readonly<Record<number, z.ZodType>>;
}

export const eventRegistry = {
  UploadCompleted: { publisher: 'ingest', versions: { 1: UploadCompletedV1Schema } },
  UploadFailed: { publisher: 'ingest', versions: { 1: UploadFailedV1Schema } },
  JobCreated: { publisher: 'jobs', versions: { 1: JobCreatedV1Schema } },
  JobValidated: { publisher: 'jobs', versions: { 1: JobValidatedV1Schema } },
  JobRejected: { publisher: 'jobs', versions: { 1: JobRejectedV1Schema } },
  JobCompleted: { publisher: 'jobs', versions: { 1: JobCompletedV1Schema } },
  JobFailed: { publisher: 'jobs', versions: { 1: JobFailedV1Schema } },
  JobCancelled: { publisher: 'jobs', versions: { 1: JobCancelledV1Schema } },
  // Requests, not facts: jobs asks processing for each probe and transcode attempt (first and retries).
  ProbeRequested: { publisher: 'jobs', versions: { 1: ProbeRequestedV1Schema } },
  TranscodeRequested: { publisher: 'jobs', versions: { 1: TranscodeRequestedV1Schema } },
  MediaProbed: { publisher: 'processing', versions: { 1: MediaProbedV1Schema } },
  ProbeFailed: { publisher: 'processing', versions: { 1: ProbeFailedV1Schema } },
  TranscodeStarted: { publisher: 'processing', versions: { 1: TranscodeStartedV1Schema } },
  TranscodeProgressed: { publisher: 'processing', versions: { 1: TranscodeProgressedV1Schema } },
  TranscodeFinished: { publisher: 'processing', versions: { 1: TranscodeFinishedV1Schema } },
  TranscodeFailed: { publisher: 'processing', versions: { 1: TranscodeFailedV1Schema } },
} as const satisfies Record<string, RegisteredEventEntry>;

type Registry = typeof eventRegistry;

export type EventName = keyof Registry;
/** Major versions published for an event, e.g. `EventVersion<'JobCreated'>` is `1`. */
export type EventVersion<N extends EventName> = keyof Registry[N]['versions'] & number;
export type EventSchemaOf<N extends EventName, V extends EventVersion<N>> = Registry[N]['versions'][V];
/** The parsed `detail.data` of one event version, e.g. `EventDataOf<'JobCreated', 1>`. */
export type EventDataOf<N extends EventName, V extends EventVersion<N>> = z.output<EventSchemaOf<N, V>>;
export type PublisherOf<N extends EventName> = Registry[N]['publisher'];

/** A parsed event of one name and version; `KnownEvent` is the union of all of them. */
export type KnownEventOf<N extends EventName> = {
  [V in EventVersion<N>]: {
    source: `mediaflow.${PublisherOf<N>}`;
    name: N;
    version: V;
    metadata: EventMetadata;
    data: EventDataOf<N, V>;
  };
}[EventVersion<N>];

/** Every event this package knows, discriminated by `name` then `version`. */
export type KnownEvent = { [N in EventName]: KnownEventOf<N> }[EventName];
