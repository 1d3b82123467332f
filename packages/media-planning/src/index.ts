// @mediaflow/media-planning: the pure rendition planner jobs and processing share, so the plan jobs
// publishes in JobValidated and the one the runner executes come from the same code.
export * from './media-info';
export * from './planning-errors';
export * from './profiles';
export { ProfileSchema, type H264Profile } from './profiles-schema';
export * from './ladder';
export * from './plan';

export { orientationSwapsSides } from './plan-image';
export * from './rendition-keys';
export * from './rendition-codecs';
export * from './rendition-storyboard';
export * from './rendition-waveform';
export * from './media-info-contract';
export * from './rendition-plan-contract';
