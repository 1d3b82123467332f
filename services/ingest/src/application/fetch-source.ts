// One URL ingest, start to end: open the source, stream it into the uploads storage while counting
// (Content-Length refused first when it is over the limit; the count stops the stream the moment it
// is), record progress and renew the lease while bytes flow, then UploadFetched and the one
// completion path (finishUpload) — UploadCompleted, and a job, exactly as after a client's complete.
// Any failure deletes what was stored and ends the upload as failed with the failure's code.
import { Transform, type TransformCallback } from 'node:stream';
import { executeCommand, type EventContext } from '@mediaflow/service-kit';
import { uploadDecider, type UploadCommand } from '../domain/upload-decider';
import { SourceFetchFailed } from '../domain/upload-errors';
import type { SourceFailureCode, UploadInitiatedData } from '../domain/upload-events';
import { uploadStreamId } from '../domain/upload-keys';
import { finishUpload } from './finish-upload';
import type { OpenedSource } from '../ports/source-fetcher';
import { fetchedContentType, urlIngestOf } from './initiate-from-url';
import type { IngestDependencies } from './ingest-dependencies';
import { loadUpload } from './load-upload';

/** Why a fetch was stopped from this side: the process stops, or the upload no longer fetches (aborted). */
export class FetchStopped extends Error {
  constructor(readonly why: 'shutdown' | 'not-fetching' | 'timeout') {
    super(`fetch stopped (${why})`);
  }
}

const byteCounter = (maxBytes: number, onBytes: (total: number) => void): Transform => {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      onBytes(total);
      if (total > maxBytes) return callback(new SourceFetchFailed('SOURCE_TOO_LARGE', `the source is larger than the ${maxBytes}-byte limit`));
      return callback(null, chunk);
    },
  });
};

const failure = (error: unknown, signal: AbortSignal, timeoutMs: number): { code: SourceFailureCode; reason: string } => {
  const stopped = signal.reason instanceof FetchStopped ? signal.reason.why : undefined;
  if (stopped === 'timeout') return { code: 'SOURCE_UNREACHABLE', reason: `the source was not fetched within ${Math.round(timeoutMs / 1000)} s` };
  if (stopped === 'shutdown') return { code: 'SOURCE_FETCH_INTERRUPTED', reason: 'the service stopped during the fetch; start a new upload' };
  if (error instanceof SourceFetchFailed) return { code: error.code, reason: error.message };
  return { code: 'SOURCE_UNREACHABLE', reason: `the source stopped sending: ${(error as Error).message}` };
};

export const fetchSource = async (
  deps: IngestDependencies,
  upload: UploadInitiatedData,
  context: EventContext,
  controller: AbortController,
): Promise<void> => {
  const urlIngest = urlIngestOf(deps);
  const { uploadId, key, ownerId } = upload;
  const { signal } = controller;
  const run = (command: UploadCommand) => executeCommand(deps, uploadDecider, uploadStreamId(uploadId), command, { context });
  let received = 0;
  let total: number | undefined;
  let reported = -1;
  let heartbeat: Promise<void> = Promise.resolve();
  const beat = async (): Promise<void> => {
    const now = deps.clock.now();
    await deps.deadlines.schedule({ uploadId, ownerId, expiresAt: new Date(now.getTime() + urlIngest.leaseMs) });
    // No new bytes: no event, but still look whether the upload was aborted meanwhile.
    const status =
      received === reported
        ? (await loadUpload(deps.store, uploadId)).state.status
        : await run({ type: 'RecordFetchProgress', data: { receivedBytes: (reported = received), ...(total !== undefined && { totalBytes: total }), now } }).then(
            (outcome) => (outcome.status === 'applied' ? outcome.state.status : 'fetching'),
          );
    if (status !== 'fetching') controller.abort(new FetchStopped('not-fetching'));
  };
  const timer = setInterval(() => {
    heartbeat = heartbeat.then(beat).catch((error: unknown) => deps.logger.warn('url ingest progress not recorded', { uploadId, error: error as Error }));
  }, urlIngest.progressIntervalMs);
  const deadline = setTimeout(() => controller.abort(new FetchStopped('timeout')), urlIngest.totalTimeoutMs);
  const stopBeating = async (): Promise<void> => {
    clearInterval(timer);
    clearTimeout(deadline);
    await heartbeat;
  };
  let fetched;
  let opened: OpenedSource | undefined;
  try {
    opened = await urlIngest.fetcher.open(upload.source?.url ?? '', { signal });
    total = opened.contentLength;
    const max = deps.policy.maxSizeBytes;
    if (total !== undefined && total > max) {
      opened.body.destroy();
      throw new SourceFetchFailed('SOURCE_TOO_LARGE', `the source declares ${total} bytes; the limit is ${max}`);
    }
    const { body } = opened;
    const counter = byteCounter(max, (n) => (received = n));
    // pipe() does not close the source when the counter fails: without this the source's connection
    // would stay open (paused) until the idle timeout.
    body.once('error', (error) => counter.destroy(error));
    counter.once('error', () => body.destroy());
    signal.addEventListener('abort', () => body.destroy(signal.reason as Error), { once: true });
    const contentType = fetchedContentType(deps, upload, opened.contentType);
    const stored = await urlIngest.bytes.put(key, body.pipe(counter), { contentType });
    if (signal.aborted) throw signal.reason;
    if (total !== undefined && stored.size !== total)
      throw new SourceFetchFailed('SOURCE_UNREACHABLE', `the source sent ${stored.size} of the ${total} bytes it declared`);
    if (stored.size === 0) throw new SourceFetchFailed('SOURCE_NOT_MEDIA', 'the source is empty');
    await stopBeating();
    fetched = await run({ type: 'RecordFetched', data: { size: stored.size, sha256: stored.sha256, contentType, now: deps.clock.now() } });
  } catch (error) {
    opened?.body.destroy();
    await stopBeating();
    await urlIngest.bytes.delete(key).catch((cause: unknown) => deps.logger.warn('partial source not deleted', { uploadId, error: cause as Error }));
    if (signal.reason instanceof FetchStopped && signal.reason.why === 'not-fetching') return;
    const { code, reason } = failure(error, signal, urlIngest.totalTimeoutMs);
    await run({ type: 'FailUpload', data: { code, reason, now: deps.clock.now() } });
    await deps.deadlines.clear(uploadId);
    deps.logger.info('url ingest failed', { uploadId, code, reason, correlationId: context.correlationId });
    return;
  }
  if (fetched.status !== 'applied') return;
  deps.logger.info('url ingest fetched', { uploadId, correlationId: context.correlationId });
  // From here it is an upload whose bytes arrived: the client's completion path judges it. If that
  // fails (storage unavailable), the upload stays pending until its deadline, like a PUT never completed.
  await deps.deadlines.schedule({ uploadId, ownerId, expiresAt: new Date(upload.expiresAt) });
  await finishUpload(deps, fetched.state, { context });
};
