// @mediaflow/contracts: the versioned schemas of mediaflow's public events, their types, the bus
// envelope, typed parse/build helpers, and the check that keeps published versions compatible.
export * from './envelope';

export * from './events/shared/identifiers';
export * from './events/shared/storage-location';
export * from './events/shared/media-info';
export * from './events/shared/output-kind';
export * from './events/shared/rendition-plan';
export * from './events/shared/output-manifest';

export * from './events/upload-completed.v1';
export * from './events/upload-failed.v1';
export * from './events/job-created.v1';
export * from './events/job-validated.v1';
export * from './events/job-rejected.v1';
export * from './events/job-completed.v1';
export * from './events/job-failed.v1';
export * from './events/job-cancelled.v1';
export * from './events/probe-requested.v1';
export * from './events/transcode-requested.v1';
export * from './events/media-probed.v1';
export * from './events/probe-failed.v1';
export * from './events/transcode-started.v1';
export * from './events/transcode-progressed.v1';
export * from './events/transcode-finished.v1';
export * from './events/transcode-failed.v1';

export * from './registry/event-registry';
export * from './registry/event-lookup';

export * from './errors/contract-issue';
export * from './errors/contract-violation';
export * from './errors/unknown-event';

export * from './parse/parse-event-data';
export * from './parse/parse-bus-envelope';
export * from './parse/make-envelope';
export * from './parse/tolerant-reader';

export * from './json-schema/event-json-schema';
export * from './json-schema/event-json-schema-draft4';
export * from './compat/breaking-changes';
export type { SchemaNode } from './compat/json-schema-reading';
