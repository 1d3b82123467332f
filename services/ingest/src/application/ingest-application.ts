// The use cases of ingest behind one object, so the HTTP router and the composition roots hold one
// thing; each method is a thin call into its own module.
import type { IngestDependencies } from './ingest-dependencies';
import { abortUpload, type AbortUploadInput } from './abort-upload';
import { completeFromStorageEvent, type StorageEventOutcome } from './complete-from-storage-event';
import { completeUpload, type CompleteUploadInput } from './complete-upload';
import { expireDueUploads } from './expire-due-uploads';
import type { CompletedUpload } from './finish-upload';
import { getUpload, type UploadView } from './get-upload';
import { initiateUpload, type InitiatedUpload, type InitiateUploadInput } from './initiate-upload';

export class IngestApplication {
  constructor(readonly deps: IngestDependencies) {}

  initiate(input: InitiateUploadInput): Promise<InitiatedUpload> {
    return initiateUpload(this.deps, input);
  }

  complete(input: CompleteUploadInput): Promise<CompletedUpload> {
    return completeUpload(this.deps, input);
  }

  abort(input: AbortUploadInput): ReturnType<typeof abortUpload> {
    return abortUpload(this.deps, input);
  }

  get(uploadId: string, ownerId: string): Promise<UploadView> {
    return getUpload(this.deps, uploadId, ownerId);
  }

  completeFromStorageEvent(key: string): Promise<StorageEventOutcome> {
    return completeFromStorageEvent(this.deps, key);
  }

  expireDueUploads(limit?: number): Promise<number> {
    return expireDueUploads(this.deps, limit);
  }
}
