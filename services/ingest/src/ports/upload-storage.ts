// The UploadStorage port: what ingest needs from object storage to let a client upload straight into
// it (presigned single PUT or multipart) and to check what arrived. Adapters: S3 (presigned S3
// requests) and embedded (@mediaflow/blob-http's signed URLs over the local disk).
import type { PartReference, StoredPart } from '../domain/multipart-parts';

export interface PresignedPut {
  readonly url: string;
  /** Headers the client must send with the bytes (they are part of the signature). */
  readonly headers: Record<string, string>;
  readonly expiresAt: Date;
}

export interface PresignedPart {
  readonly partNumber: number;
  readonly url: string;
  readonly expiresAt: Date;
}

export interface StoredObject {
  readonly size: number;
  /** Lower-case hex SHA-256 of the stored bytes, when known (see inspect). */
  readonly sha256?: string;
}

export interface PresignPutRequest {
  readonly key: string;
  readonly size: number;
  readonly contentType: string;
  /** When given, storage itself refuses other bytes where it can (S3 x-amz-checksum-sha256). */
  readonly sha256?: string;
  readonly expiresInSeconds: number;
}

export interface MultipartRef {
  readonly key: string;
  readonly multipartId: string;
}

export interface UploadStorage {
  presignPut(request: PresignPutRequest): Promise<PresignedPut>;
  /** Opens a multipart upload; returns its id (S3's UploadId). */
  createMultipart(request: { readonly key: string; readonly contentType: string }): Promise<string>;
  presignParts(
    request: MultipartRef & {
      readonly partCount: number;
      readonly partSize: number;
      readonly expiresInSeconds: number;
    },
  ): Promise<PresignedPart[]>;
  /** Parts received so far, by part number; [] when none (or the upload is gone). */
  listParts(request: MultipartRef): Promise<StoredPart[]>;
  /** Assembles the parts, in order, into the key. */
  completeMultipart(request: MultipartRef & { readonly parts: readonly PartReference[] }): Promise<void>;
  /** Drops the parts; aborting an unknown or finished upload succeeds. */
  abortMultipart(request: MultipartRef): Promise<void>;
  /**
   * Size (and SHA-256) of the object under `key`, or null. With `withSha256` the digest is always
   * present: taken from storage when it holds a verified one, otherwise computed by reading the bytes.
   */
  inspect(key: string, options?: { readonly withSha256?: boolean }): Promise<StoredObject | null>;
  /** Deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
}
