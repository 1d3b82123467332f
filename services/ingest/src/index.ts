// @mediaflow/ingest: the Upload aggregate and the ports its application needs.
// Subpaths: ./declaration (subscriptions, tables), ./embedded and ./aws (composition roots), ./http-schemas.
export type { UploadStorage } from './ports/upload-storage';
export type { UploadDeadlines, UploadDeadline } from './ports/upload-deadlines';
export { uploadDecider, type UploadCommand } from './domain/upload-decider';
export type { UploadEvent } from './domain/upload-events';
export { jobIdFor, uploadKey, ownerKeySegment, uploadIdOfKey, isUploadId } from './domain/upload-keys';
