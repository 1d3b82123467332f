// Reads an Upload stream and folds it; the owner check turns another owner's upload into the same
// 404 as a missing one, so ids cannot be probed.
import type { EventStore, StoredEvent } from '@mediaflow/event-store';
import { foldEvents } from '@mediaflow/service-kit';
import { uploadDecider } from '../domain/upload-decider';
import { UploadNotFound } from '../domain/upload-errors';
import type { UploadEvent } from '../domain/upload-events';
import { isUploadId, uploadStreamId } from '../domain/upload-keys';
import type { UploadState } from '../domain/upload-state';

interface LoadedUpload {
  readonly state: UploadState;
  readonly events: readonly StoredEvent[];
}

export const loadUpload = async (store: EventStore, uploadId: string): Promise<LoadedUpload> => {
  if (!isUploadId(uploadId)) return { state: uploadDecider.initialState, events: [] };
  const events = await store.read(uploadStreamId(uploadId));
  const state = foldEvents(
    uploadDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as UploadEvent),
  );
  return { state, events };
};

type OwnedUpload = LoadedUpload & { readonly state: Exclude<UploadState, { status: 'none' }> };

export const loadOwnedUpload = async (
  store: EventStore,
  uploadId: string,
  ownerId: string,
): Promise<OwnedUpload> => {
  const loaded = await loadUpload(store, uploadId);
  if (loaded.state.status === 'none' || loaded.state.upload.ownerId !== ownerId)
    throw new UploadNotFound(`upload ${uploadId} not found`);
  return loaded as OwnedUpload;
};
