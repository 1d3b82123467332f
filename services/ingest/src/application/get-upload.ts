// GET /v1/uploads/{id}: the upload as its stream tells it (no read model needed), with fresh upload
// URLs while it is pending, so a slow multipart upload can outlive the first URLs' lifetime.
import type { StoredEvent } from '@mediaflow/event-store';
import { jobIdFor } from '../domain/upload-keys';
import type { UploadInitiatedData } from '../domain/upload-events';
import type { FetchProgress, UploadStatus } from '../domain/upload-state';
import type { SourceFailureCode } from '../domain/upload-events';
import type { IngestDependencies } from './ingest-dependencies';
import { loadOwnedUpload } from './load-upload';
import { presignTransfer, type TransferUrls } from './presign-transfer';

export interface UploadView {
  readonly upload: UploadInitiatedData;
  readonly status: UploadStatus;
  /** When the upload reached its current status (completion, expiry, abort), from the stream. */
  readonly updatedAt: string;
  readonly jobId?: string;
  readonly urls?: TransferUrls;
  /** URL ingest, while fetching: bytes received (and the total, when the source declared it). */
  readonly progress?: FetchProgress;
  /** URL ingest that failed: why. */
  readonly failure?: { readonly code: SourceFailureCode; readonly reason: string };
}

const lastEventAt = (events: readonly StoredEvent[]): string =>
  events[events.length - 1]?.metadata.occurredAt ?? new Date(0).toISOString();

export const getUpload = async (
  deps: IngestDependencies,
  uploadId: string,
  ownerId: string,
): Promise<UploadView> => {
  const { state, events } = await loadOwnedUpload(deps.store, uploadId, ownerId);
  const now = deps.clock.now();
  const view = { upload: state.upload, status: state.status, updatedAt: lastEventAt(events) };
  if (state.status === 'completed') return { ...view, jobId: jobIdFor(uploadId) };
  if (state.status === 'fetching') return { ...view, progress: state.progress };
  if (state.status === 'failed') return { ...view, failure: state.failure };
  if (state.status === 'pending' && state.upload.source === undefined && now.getTime() < Date.parse(state.upload.expiresAt)) {
    return { ...view, urls: await presignTransfer(deps.storage, deps.policy, state.upload, now) };
  }
  return view;
};
