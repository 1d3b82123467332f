// The use cases of ingest behind one object, so the HTTP router and the composition roots hold one
// thing; each method is a thin call into its own module.
import type { IngestDependencies } from './ingest-dependencies';
import { abortUpload, type AbortUploadInput } from './abort-upload';
import { completeFromStorageEvent, type StorageEventOutcome } from './complete-from-storage-event';
import { completeUpload, type CompleteUploadInput } from './complete-upload';
import { expireDueUploads, failFetchesOfEarlierRuns } from './expire-due-uploads';
import type { CompletedUpload } from './finish-upload';
import { getUpload, type UploadView } from './get-upload';
import { initiateFromUrl, type InitiateFromUrlInput } from './initiate-from-url';
import { initiateUpload, type InitiatedUpload, type InitiateUploadInput } from './initiate-upload';
import { UrlFetches } from './url-fetches';

export class IngestApplication {
  readonly fetches: UrlFetches;

  constructor(readonly deps: IngestDependencies) {
    this.fetches = new UrlFetches(deps);
  }

  /** Starts a URL ingest: answers once the upload exists (status fetching); the fetch runs on. */
  async initiateFromUrl(input: InitiateFromUrlInput): Promise<UploadView> {
    const { upload, context } = await initiateFromUrl(this.deps, input);
    this.fetches.start(upload, context);
    return { upload, status: 'fetching', updatedAt: upload.initiatedAt, progress: { receivedBytes: 0 } };
  }

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

  /** Only where this process alone fetches for its data (embedded): a fetch not running here was cut off. */
  failFetchesOfEarlierRuns(): Promise<number> {
    const urlIngest = this.deps.urlIngest;
    if (!urlIngest) return Promise.resolve(0); // no URL ingest here: nothing was ever fetching
    return failFetchesOfEarlierRuns(this.deps, urlIngest.leaseMs, (id) => this.fetches.isRunning(id));
  }
}
