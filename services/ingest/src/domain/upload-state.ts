// The Upload aggregate's state, folded from its events. Only what decisions need: the status and
// what was declared at initiation (and, for a URL ingest, how far the fetch got or why it failed).
import type { SourceFailureCode, UploadEvent, UploadInitiatedData } from './upload-events';

export type UploadStatus = 'fetching' | 'pending' | 'completed' | 'expired' | 'aborted' | 'failed';

export interface FetchProgress {
  readonly receivedBytes: number;
  readonly totalBytes?: number;
}

interface KnownUpload<S extends UploadStatus> {
  readonly status: S;
  readonly upload: UploadInitiatedData;
}

export type UploadState =
  | { readonly status: 'none' }
  | (KnownUpload<'fetching'> & { readonly progress: FetchProgress })
  | KnownUpload<'pending'>
  | KnownUpload<'completed'>
  | KnownUpload<'expired'>
  | KnownUpload<'aborted'>
  | (KnownUpload<'failed'> & { readonly failure: { readonly code: SourceFailureCode; readonly reason: string } });

export const initialUploadState: UploadState = { status: 'none' };

export const evolveUpload = (state: UploadState, event: UploadEvent): UploadState => {
  switch (event.type) {
    case 'UploadInitiated':
      return event.data.source
        ? { status: 'fetching', upload: event.data, progress: { receivedBytes: 0 } }
        : { status: 'pending', upload: event.data };
    case 'UploadFetchProgressed': {
      if (state.status !== 'fetching') return state;
      const { receivedBytes, totalBytes } = event.data;
      return { ...state, progress: { receivedBytes, ...(totalBytes !== undefined && { totalBytes }) } };
    }
    case 'UploadFetched': {
      if (state.status !== 'fetching') return state;
      const { size, sha256, contentType } = event.data;
      return { status: 'pending', upload: { ...state.upload, size, sha256, contentType } };
    }
    case 'UploadFailed':
      return state.status === 'none'
        ? state
        : { status: 'failed', upload: state.upload, failure: { code: event.data.code, reason: event.data.reason } };
    case 'UploadCompleted': {
      if (state.status === 'none') return state;
      // A digest given at completion (none declared at creation) is the upload's from now on.
      const { sha256 } = event.data;
      const upload =
        sha256 !== undefined && state.upload.sha256 === undefined
          ? { ...state.upload, sha256 }
          : state.upload;
      return { status: 'completed', upload };
    }
    case 'UploadExpired':
      return state.status === 'none' ? state : { status: 'expired', upload: state.upload };
    case 'UploadAborted':
      return state.status === 'none' ? state : { status: 'aborted', upload: state.upload };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
