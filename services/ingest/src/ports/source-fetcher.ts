// The SourceFetcher port: opens a URL ingest's source for reading, following redirects and refusing
// any hop the address policy refuses. Failures are SourceFetchFailed with their code. Adapter:
// HttpSourceFetcher (node:http(s), the guarded lookup of @mediaflow/address-guard), both modes.
import type { Readable } from 'node:stream';

export interface OpenedSource {
  readonly body: Readable;
  /** The Content-Length the source declared, when it did. */
  readonly contentLength?: number;
  readonly contentType?: string;
  /** Where the bytes came from after redirects. */
  readonly finalUrl: string;
}

export interface SourceFetcher {
  open(url: string, options: { readonly signal: AbortSignal }): Promise<OpenedSource>;
}
