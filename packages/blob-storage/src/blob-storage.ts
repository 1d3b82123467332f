// The BlobStorage port: what the runner, probing and ingest need from object storage, and nothing
// about S3 or disks. Adapters: S3BlobStorage (AWS, emulators) and LocalDiskBlobStorage (embedded).
import type { Readable } from 'node:stream';

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
  /** User metadata. Keys come back lower-cased from head (S3 treats them case-insensitively). */
  metadata?: Record<string, string>;
}

/** Bytes `start`..`end` inclusive, as in an HTTP Range header; no `end` reads to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface PutResult {
  key: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes stored. */
  sha256: string;
  etag: string;
}

export interface BlobHead {
  size: number;
  contentType: string;
  /** Opaque version tag: changes whenever the bytes do. */
  etag: string;
  /** Lower-case hex SHA-256, when the object was written through this port. */
  sha256?: string;
  lastModified: Date;
  cacheControl?: string;
  metadata: Record<string, string>;
}

export interface BlobSummary {
  key: string;
  size: number;
  lastModified: Date;
}

export type BlobBody = Buffer | Uint8Array | Readable;

export interface BlobStorage {
  /** Stores the bytes under `key`, replacing any object there. Readers see the old or the new bytes, never a mix. */
  put(key: string, body: BlobBody, options: PutOptions): Promise<PutResult>;
  /** Like put, from a local file (large ones go up in parallel parts on S3). */
  putFile(key: string, localPath: string, options: PutOptions): Promise<PutResult>;
  /** A stream of the object's bytes (or of `range`); BlobNotFound when there is none. */
  getStream(key: string, range?: ByteRange): Promise<Readable>;
  /** The object's properties, or null when there is none. */
  head(key: string): Promise<BlobHead | null>;
  /** Removes the object; removing a missing one succeeds. */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix`; returns how many went. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every object whose key starts with `prefix` (all pages), in key order. */
  list(prefix: string): Promise<BlobSummary[]>;
  /** A URL that reads the object without credentials until it expires (ffprobe, ffmpeg, browsers). */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
  /** Where the object lives, for logs and manifests: s3://bucket/key or file:///path. */
  uri(key: string): string;
}
