// The Upload stream's events. UploadCompleted is public (contract UploadCompleted.v1, validated on
// publish); the others stay inside ingest (the relay marks them published without sending them).
import type { UploadCompletedV1 } from '@mediaflow/contracts';

export type Transfer =
  | { readonly method: 'single' }
  | {
      readonly method: 'multipart';
      readonly multipartId: string;
      readonly partSize: number;
      readonly partCount: number;
    };

export interface UploadInitiatedData {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly key: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** Lower-case hex, when the client declared one: completion then checks it. */
  readonly sha256?: string;
  readonly profile: string;
  readonly transfer: Transfer;
  readonly initiatedAt: string;
  /** After this the upload can no longer complete; the sweep expires it. */
  readonly expiresAt: string;
}

export type UploadEvent =
  | { readonly type: 'UploadInitiated'; readonly data: UploadInitiatedData }
  | { readonly type: 'UploadCompleted'; readonly data: UploadCompletedV1 }
  | {
      readonly type: 'UploadExpired';
      readonly data: { readonly uploadId: string; readonly expiredAt: string };
    }
  | {
      readonly type: 'UploadAborted';
      readonly data: { readonly uploadId: string; readonly abortedAt: string };
    };

export type UploadEventType = UploadEvent['type'];
