// The Upload aggregate's state, folded from its events. Only what decisions need: the status and
// what was declared at initiation.
import type { UploadEvent, UploadInitiatedData } from './upload-events';

export type UploadStatus = 'pending' | 'completed' | 'expired' | 'aborted';

interface KnownUpload<S extends UploadStatus> {
  readonly status: S;
  readonly upload: UploadInitiatedData;
}

export type UploadState =
  | { readonly status: 'none' }
  | KnownUpload<'pending'>
  | KnownUpload<'completed'>
  | KnownUpload<'expired'>
  | KnownUpload<'aborted'>;

export const initialUploadState: UploadState = { status: 'none' };

export const evolveUpload = (state: UploadState, event: UploadEvent): UploadState => {
  switch (event.type) {
    case 'UploadInitiated':
      return { status: 'pending', upload: event.data };
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
