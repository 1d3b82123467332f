// The Upload aggregate as a decider: one small function per command, time passed in, what storage
// holds passed in as an observation (the application looked; the decision stays pure).
import type { Decider } from '@mediaflow/service-kit';
import type { SourceFailureCode, UploadEvent, UploadInitiatedData } from './upload-events';
import {
  UploadAborted,
  UploadFailed,
  UploadFetching,
  UploadAlreadyCompleted,
  UploadAlreadyExists,
  UploadChecksumConflict,
  UploadChecksumMismatch,
  UploadExpired,
  UploadNotFound,
  UploadNotReceived,
  UploadSizeMismatch,
} from './upload-errors';
import { evolveUpload, initialUploadState, type UploadState } from './upload-state';

/** What the application found in storage under the upload's key (null: nothing there). */
export interface ObservedObject {
  readonly size: number;
  /** Present when storage knows it, or the application computed it because one was declared. */
  readonly sha256?: string;
}

export type UploadCommand =
  | { readonly type: 'InitiateUpload'; readonly data: UploadInitiatedData }
  | {
      readonly type: 'CompleteUpload';
      readonly data: {
        readonly observed: ObservedObject | null;
        readonly now: Date;
        /** Lower-case hex the client gave at completion (a client that hashed while sending). */
        readonly sha256?: string;
      };
    }
  | { readonly type: 'ExpireUpload'; readonly data: { readonly now: Date } }
  | { readonly type: 'AbortUpload'; readonly data: { readonly now: Date } }
  | {
      readonly type: 'RecordFetchProgress';
      readonly data: { readonly receivedBytes: number; readonly totalBytes?: number; readonly now: Date };
    }
  | {
      readonly type: 'RecordFetched';
      readonly data: { readonly size: number; readonly sha256: string; readonly contentType: string; readonly now: Date };
    }
  | {
      readonly type: 'FailUpload';
      readonly data: { readonly code: SourceFailureCode; readonly reason: string; readonly now: Date };
    };

export type PendingUpload = Extract<UploadState, { status: 'pending' }>;

/** Refuses anything but a pending upload, with the error its status calls for. */
function assertPending(state: UploadState): asserts state is PendingUpload {
  switch (state.status) {
    case 'pending':
      return;
    case 'none':
      throw new UploadNotFound('upload not found');
    case 'completed':
      throw new UploadAlreadyCompleted(`upload ${state.upload.uploadId} is already completed`);
    case 'expired':
      throw new UploadExpired(
        `upload ${state.upload.uploadId} expired before it was completed; start a new one`,
      );
    case 'aborted':
      throw new UploadAborted(`upload ${state.upload.uploadId} was aborted; start a new one`);
    case 'fetching':
      throw new UploadFetching(`upload ${state.upload.uploadId} is still being fetched from its source URL`);
    case 'failed':
      throw new UploadFailed(
        `upload ${state.upload.uploadId} failed (${state.failure.code}: ${state.failure.reason}); start a new one`,
      );
  }
}

const isPastDeadline = (upload: UploadInitiatedData, now: Date): boolean =>
  now.getTime() >= Date.parse(upload.expiresAt);

const initiate = (data: UploadInitiatedData, state: UploadState): UploadEvent[] => {
  if (state.status !== 'none') throw new UploadAlreadyExists(`upload ${data.uploadId} already exists`);
  return [{ type: 'UploadInitiated', data }];
};

/** The refusals that need no look at storage: the application checks them before any I/O. */
export function assertCanComplete(state: UploadState, now: Date): asserts state is PendingUpload {
  assertPending(state);
  const { upload } = state;
  if (isPastDeadline(upload, now))
    throw new UploadExpired(`upload ${upload.uploadId} expired at ${upload.expiresAt}; start a new one`);
}

/**
 * The SHA-256 completion verifies: the one declared at creation or the one given at completion (a
 * client may hash while it sends). Both given and different is refused before anything is read.
 */
export const digestToVerify = (
  upload: UploadInitiatedData,
  atCompletion: string | undefined,
): string | undefined => {
  const given = atCompletion?.toLowerCase();
  if (upload.sha256 !== undefined && given !== undefined && given !== upload.sha256)
    throw new UploadChecksumConflict(
      `the SHA-256 given to complete upload ${upload.uploadId} differs from the one declared when it was created`,
    );
  return upload.sha256 ?? given;
};

const complete = (
  command: Extract<UploadCommand, { type: 'CompleteUpload' }>['data'],
  state: UploadState,
): UploadEvent[] => {
  const { observed, now } = command;
  assertCanComplete(state, now);
  const { upload } = state;
  const sha256 = digestToVerify(upload, command.sha256);
  if (!observed)
    throw new UploadNotReceived(
      `no bytes were received for upload ${upload.uploadId}; PUT them to the upload URL first`,
    );
  if (observed.size !== upload.size) {
    throw new UploadSizeMismatch(
      `upload ${upload.uploadId} declared ${upload.size} bytes but storage holds ${observed.size}`,
    );
  }
  if (sha256 !== undefined && observed.sha256 !== sha256) {
    throw new UploadChecksumMismatch(
      `the stored bytes of upload ${upload.uploadId} do not have the declared SHA-256`,
    );
  }
  const { uploadId, key, filename, contentType, size, profile } = upload;
  return [
    {
      type: 'UploadCompleted',
      data: { uploadId, key, filename, contentType, size, profile, ...(sha256 !== undefined && { sha256 }) },
    },
  ];
};

/** Expiring is a no-op on a finished upload or one not yet due: the sweep may race a completion. */
const expire = (now: Date, state: UploadState): UploadEvent[] => {
  if (state.status !== 'pending' || !isPastDeadline(state.upload, now)) return [];
  return [{ type: 'UploadExpired', data: { uploadId: state.upload.uploadId, expiredAt: now.toISOString() } }];
};

/** Aborting twice, or an expired or failed upload, changes nothing; a completed one cannot be taken back. */
const abort = (now: Date, state: UploadState): UploadEvent[] => {
  if (state.status === 'aborted' || state.status === 'expired' || state.status === 'failed') return [];
  if (state.status === 'fetching')
    return [{ type: 'UploadAborted', data: { uploadId: state.upload.uploadId, abortedAt: now.toISOString() } }];
  assertPending(state);
  return [{ type: 'UploadAborted', data: { uploadId: state.upload.uploadId, abortedAt: now.toISOString() } }];
};

// URL ingest. Progress and failure are no-ops once the fetch is no longer running (aborted, failed,
// fetched): the fetch learns from the state it gets back that it should stop.
const recordProgress = (
  data: Extract<UploadCommand, { type: 'RecordFetchProgress' }>['data'],
  state: UploadState,
): UploadEvent[] => {
  if (state.status !== 'fetching') return [];
  const { receivedBytes, totalBytes, now } = data;
  return [
    {
      type: 'UploadFetchProgressed',
      data: { uploadId: state.upload.uploadId, receivedBytes, ...(totalBytes !== undefined && { totalBytes }), at: now.toISOString() },
    },
  ];
};

const recordFetched = (
  data: Extract<UploadCommand, { type: 'RecordFetched' }>['data'],
  state: UploadState,
): UploadEvent[] => {
  if (state.status !== 'fetching') {
    assertPending(state);
    throw new UploadAlreadyCompleted(`upload ${state.upload.uploadId} was already fetched`);
  }
  const { size, sha256, contentType, now } = data;
  return [{ type: 'UploadFetched', data: { uploadId: state.upload.uploadId, size, sha256, contentType, fetchedAt: now.toISOString() } }];
};

const fail = (data: Extract<UploadCommand, { type: 'FailUpload' }>['data'], state: UploadState): UploadEvent[] => {
  if (state.status !== 'fetching') return [];
  // Bounded like every reason on the bus (UploadFailed.v1): a source's error text can be long.
  const reason = data.reason.length > 2000 ? `${data.reason.slice(0, 1999)}…` : data.reason;
  return [{ type: 'UploadFailed', data: { uploadId: state.upload.uploadId, code: data.code, reason } }];
};

const decideUpload = (command: UploadCommand, state: UploadState): UploadEvent[] => {
  switch (command.type) {
    case 'InitiateUpload':
      return initiate(command.data, state);
    case 'CompleteUpload':
      return complete(command.data, state);
    case 'ExpireUpload':
      return expire(command.data.now, state);
    case 'AbortUpload':
      return abort(command.data.now, state);
    case 'RecordFetchProgress':
      return recordProgress(command.data, state);
    case 'RecordFetched':
      return recordFetched(command.data, state);
    case 'FailUpload':
      return fail(command.data, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

export const uploadDecider: Decider<UploadCommand, UploadEvent, UploadState> = {
  initialState: initialUploadState,
  evolve: evolveUpload,
  decide: decideUpload,
};
