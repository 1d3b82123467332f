// Where a URL ingest writes what it fetched: the uploads storage under the upload's key. Any
// BlobStorage of @mediaflow/blob-storage fits (LocalDiskBlobStorage embedded, S3BlobStorage on AWS);
// a put that fails (the body stream errored) leaves no object behind.
import type { Readable } from 'node:stream';

export interface SourceBytes {
  put(key: string, body: Readable, options: { contentType: string }): Promise<{ size: number; sha256: string }>;
  /** Deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
}
