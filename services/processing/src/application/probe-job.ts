// ProbeRequested → probe the upload (ffprobe reads only the header, through a presigned URL or the local
// file) → MediaProbed or ProbeFailed on `transcode-<jobId>`, with ProbeRequested's id in the inbox of the
// same append: a redelivered ProbeRequested writes nothing and probes nothing twice.
import { fileURLToPath } from 'node:url';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { KnownEventOf } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { isMediaError, mediaInfoToContract } from '@mediaflow/media-planning';
import { causedBy } from '@mediaflow/service-kit';
import type { ProbeOutcome } from '../domain/transcode-decider';
import type { TranscodeRegistration } from '../domain/transcode-events';
import { needsProbe } from '../domain/transcode-state';
import type { MediaProber } from '../ports/media-prober';
import { loadTranscode, executeTranscodeCommand, type TranscodeStoreDependencies } from './transcode-commands';

export interface ProbeJobDependencies extends TranscodeStoreDependencies {
  readonly prober: MediaProber;
  readonly uploads: BlobStorage;
}

const PROBE_REQUESTED_CONSUMER = 'processing.probe-requested';
/** Long enough for ffprobe on a slow link; the URL is never handed to anyone else. */
const PROBE_URL_SECONDS = 15 * 60;

/** A local file when the storage is a folder on this machine (no HTTP round trip), else a presigned GET. */
const probeSource = async (uploads: BlobStorage, key: string): Promise<string> => {
  const uri = uploads.uri(key);
  return uri.startsWith('file:') ? fileURLToPath(uri) : uploads.presignGet(key, PROBE_URL_SECONDS);
};

const probeUpload = async (deps: ProbeJobDependencies, key: string, log: Logger): Promise<ProbeOutcome> => {
  const head = await deps.uploads.head(key);
  if (!head)
    return {
      ok: false,
      code: 'SOURCE_NOT_FOUND',
      reason: `the uploaded object ${key} does not exist`,
      retryable: false,
    };
  try {
    const info = await deps.prober.probe(await probeSource(deps.uploads, key));
    // The storage knows the size even when the prober's source (a URL without a length) did not say.
    return { ok: true, mediaInfo: mediaInfoToContract({ ...info, sizeBytes: info.sizeBytes ?? head.size }) };
  } catch (error) {
    // Typed media failures are answers (ProbeFailed); anything else is ours to retry through the bus.
    if (!isMediaError(error)) throw error;
    log.info('probe failed', { code: error.code, retryable: error.retryable });
    return { ok: false, code: error.code, reason: error.message, retryable: error.retryable };
  }
};

export const handleProbeRequested = async (
  deps: ProbeJobDependencies,
  event: KnownEventOf<'ProbeRequested'>,
  log: Logger,
): Promise<void> => {
  const { jobId, uploadId, input, profile } = event.data;
  const consumed = { consumer: PROBE_REQUESTED_CONSUMER, eventId: event.metadata.eventId };
  if (await deps.store.hasHandled(consumed.consumer, consumed.eventId)) return;
  const registration: TranscodeRegistration = {
    jobId,
    uploadId,
    input,
    profile,
    ownerId: event.metadata.ownerId,
    correlationId: event.metadata.correlationId,
  };
  const context = causedBy(event.metadata);
  const { state } = await loadTranscode(deps.store, jobId);
  if (!needsProbe(state)) {
    await executeTranscodeCommand(deps, jobId, { type: 'Register', registration }, { context, consumed });
    return;
  }
  const outcome = await probeUpload(deps, input.key, log);
  const result = await executeTranscodeCommand(
    deps,
    jobId,
    { type: 'RecordProbe', registration, outcome },
    { context, consumed },
  );
  if (result.status === 'applied')
    log.info(outcome.ok ? 'media probed' : 'probe failed recorded', {
      jobId,
      kind: outcome.ok ? outcome.mediaInfo.kind : undefined,
    });
};
