// What a URL ingest needs beyond the rest of ingest: the fetcher, where the bytes go, and its limits.
import type { SourceAddressPolicy } from '../domain/source-url';
import type { SourceBytes } from '../ports/source-bytes';
import type { SourceFetcher } from '../ports/source-fetcher';

export interface UrlIngestDependencies {
  readonly fetcher: SourceFetcher;
  readonly bytes: SourceBytes;
  /** The request-time check of the URL; the fetcher applies the same policy to every hop and address. */
  readonly policy: SourceAddressPolicy;
  /** The whole fetch, connection to last byte. */
  readonly totalTimeoutMs: number;
  /** How often progress is recorded (and the fetch's lease renewed). */
  readonly progressIntervalMs: number;
  /** A fetch whose lease is not renewed for this long was cut off (a crash): the sweep fails it. */
  readonly leaseMs: number;
}
