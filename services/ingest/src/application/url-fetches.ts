// The URL ingests running in this process, in the background of the request that started them:
// stop() aborts them (each ends as failed with SOURCE_FETCH_INTERRUPTED) and waits for them, so a
// graceful stop leaves none "fetching". A crash leaves its fetches to the sweep, which fails them
// once their lease lapses (expire-due-uploads), or at the next start where one process owns the data.
import type { EventContext } from '@mediaflow/service-kit';
import type { UploadInitiatedData } from '../domain/upload-events';
import { fetchSource, FetchStopped } from './fetch-source';
import type { IngestDependencies } from './ingest-dependencies';

export class UrlFetches {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly deps: IngestDependencies) {}

  start(upload: UploadInitiatedData, context: EventContext): void {
    const controller = new AbortController();
    const done = fetchSource(this.deps, upload, context, controller)
      .catch((error: unknown) => this.deps.logger.error('url ingest ended in error', { uploadId: upload.uploadId, error: error as Error }))
      .finally(() => this.running.delete(upload.uploadId));
    this.running.set(upload.uploadId, { controller, done });
  }

  isRunning(uploadId: string): boolean {
    return this.running.has(uploadId);
  }

  /** Resolves when the fetch of `uploadId` (if it runs here) has ended: for tests and shutdown. */
  async settled(uploadId: string): Promise<void> {
    await this.running.get(uploadId)?.done;
  }

  async stop(): Promise<void> {
    const all = [...this.running.values()];
    for (const { controller } of all) controller.abort(new FetchStopped('shutdown'));
    await Promise.all(all.map((f) => f.done));
  }
}
