// @mediaflow/processing: probing, the transcode runner, and the service that dispatches and watches
// runners. This entry holds the domain types and ports; see package.json "exports" for the subpaths
// (declaration, embedded, aws, media, runner, testing).
export { processingDeclaration } from './subscriptions';
export { transcodeStreamId, type TranscodeEvent } from './domain/transcode-events';
export type { TranscodeCommand } from './domain/transcode-decider';
export type { ActiveTranscode, ActiveTranscodes } from './ports/active-transcodes';
export type { MediaProber, ProbeOptions } from './ports/media-prober';
export type { RunReporter, RunSummary } from './ports/run-reporter';
export type { RunnerEvent, RunnerEventListener, RunnerLiveness, RunnerDispatcher } from './ports/runner-dispatcher';
export type { ProducedFile, ProducedFileKind, TranscodeOptions, Transcoder } from './ports/transcoder';
