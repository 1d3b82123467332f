// The Upload stream's events. UploadCompleted and UploadFailed are public (contracts UploadCompleted.v1
// and UploadFailed.v1, validated on publish); the others stay inside ingest (the relay marks them published without sending them).
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
  /**
   * URL ingest: ingest fetches the bytes itself from this http(s) URL. `size` is then 0 and
   * `contentType` provisional until UploadFetched tells what arrived.
   */
  readonly source?: { readonly url: string };
}

/** Why a URL ingest failed: each a stable code (README "URL ingest"). */
export type SourceFailureCode =
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_TOO_LARGE'
  /** A literal loopback address or localhost, where the loopback is refused (AWS). */
  | 'SOURCE_ADDRESS_LOOPBACK'
  /** A literal internal address (private, link-local such as the metadata 169.254.169.254, …) or an internal name. */
  | 'SOURCE_ADDRESS_INTERNAL'
  /** A public-looking name that resolves to a refused address. */
  | 'SOURCE_ADDRESS_REFUSED'
  /** A redirect to a refused URL, literal or resolved. */
  | 'SOURCE_REDIRECT_REFUSED'
  | 'SOURCE_HTTP_ERROR'
  | 'SOURCE_TOO_MANY_REDIRECTS'
  | 'SOURCE_NOT_MEDIA'
  | 'SOURCE_FETCH_INTERRUPTED';

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
    }
  | {
      /** Throttled while a URL ingest runs; each one is also the fetch's heartbeat. */
      readonly type: 'UploadFetchProgressed';
      readonly data: { readonly uploadId: string; readonly receivedBytes: number; readonly totalBytes?: number; readonly at: string };
    }
  | {
      readonly type: 'UploadFetched';
      readonly data: {
        readonly uploadId: string;
        readonly size: number;
        readonly sha256: string;
        readonly contentType: string;
        readonly fetchedAt: string;
      };
    }
  | {
      /** Public (contract UploadFailed.v1); when it happened is the event's occurredAt. */
      readonly type: 'UploadFailed';
      readonly data: { readonly uploadId: string; readonly code: SourceFailureCode; readonly reason: string };
    };

export type UploadEventType = UploadEvent['type'];
