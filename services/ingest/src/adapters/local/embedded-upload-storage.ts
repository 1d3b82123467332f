// UploadStorage for embedded mode: URLs signed by @mediaflow/blob-http and served on the API's own
// port, bytes on the local disk (LocalDiskBlobStorage), multipart parts in its LocalMultipartStore.
// The disk adapter hashes every write, so the SHA-256 check costs no extra read here.
import type { BlobUrlSigner, LocalMultipartStore } from '@mediaflow/blob-http';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { PartReference, StoredPart } from '../../domain/multipart-parts';
import { UploadNotReceived, UploadPartsInvalid } from '../../domain/upload-errors';
import type {
  MultipartRef,
  PresignedPart,
  PresignedPut,
  PresignPutRequest,
  StoredObject,
  UploadStorage,
} from '../../ports/upload-storage';
import { sha256OfStream } from '../hash-stream';

interface EmbeddedUploadStorageOptions {
  /** The uploads storage the blob router writes into. */
  readonly storage: BlobStorage;
  /** The same store instance (or one over the same storage) as the blob router's. */
  readonly multipart: LocalMultipartStore;
  readonly signer: BlobUrlSigner;
}

const BUCKET = 'uploads';
const codeOf = (error: unknown): string | undefined => (error as { code?: string }).code;

export class EmbeddedUploadStorage implements UploadStorage {
  constructor(private readonly options: EmbeddedUploadStorageOptions) {}

  async presignPut(request: PresignPutRequest): Promise<PresignedPut> {
    const { url, headers, expiresAt } = this.options.signer.signPut({ bucket: BUCKET, ...request });
    return { url, headers, expiresAt };
  }

  createMultipart(request: { key: string; contentType: string }): Promise<string> {
    return this.options.multipart.create(request.key, request.contentType);
  }

  async presignParts(
    request: MultipartRef & { partCount: number; partSize: number; expiresInSeconds: number },
  ): Promise<PresignedPart[]> {
    return Array.from({ length: request.partCount }, (_, i) =>
      this.options.signer.signPart({
        bucket: BUCKET,
        multipartId: request.multipartId,
        partNumber: i + 1,
        maxPartSize: request.partSize,
        expiresInSeconds: request.expiresInSeconds,
      }),
    );
  }

  async listParts(request: MultipartRef): Promise<StoredPart[]> {
    try {
      return await this.options.multipart.listParts(request.multipartId);
    } catch (error) {
      if (codeOf(error) === 'MULTIPART_UPLOAD_NOT_FOUND') return [];
      throw error;
    }
  }

  async completeMultipart(request: MultipartRef & { parts: readonly PartReference[] }): Promise<void> {
    try {
      await this.options.multipart.complete(request.multipartId, request.key, request.parts);
    } catch (error) {
      if (codeOf(error) === 'MULTIPART_PARTS_INVALID')
        throw new UploadPartsInvalid((error as Error).message, { cause: error });
      if (codeOf(error) === 'MULTIPART_UPLOAD_NOT_FOUND')
        throw new UploadNotReceived('the multipart upload has no parts any more', { cause: error });
      throw error;
    }
  }

  abortMultipart(request: MultipartRef): Promise<void> {
    return this.options.multipart.abort(request.multipartId);
  }

  async inspect(key: string, options: { withSha256?: boolean } = {}): Promise<StoredObject | null> {
    const head = await this.options.storage.head(key);
    if (!head) return null;
    // Only a file dropped in by hand lacks the digest the adapter records on every write.
    if (head.sha256 !== undefined || !options.withSha256)
      return { size: head.size, ...(head.sha256 !== undefined && { sha256: head.sha256 }) };
    return { size: head.size, sha256: await sha256OfStream(await this.options.storage.getStream(key)) };
  }

  delete(key: string): Promise<void> {
    return this.options.storage.delete(key);
  }
}
