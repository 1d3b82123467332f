// Multipart uploads on a BlobStorage, for the embedded mode: each part is a temp object under
// `_multipart/<id>/`, and completing streams them in part order into the final key (one put, so the
// object appears whole or not at all), then removes the parts. Mirrors S3's rules so a client written
// against one works against the other: parts 1..10000, every part but the last at least minPartSize.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStorage, PutResult } from '@mediaflow/blob-storage';
import { blobProblem } from '../signing/signature-errors';

const MULTIPART_ROOT = '_multipart';
export const MAX_PARTS = 10_000;
/** S3's minimum for every part but the last. */
const S3_MIN_PART_SIZE = 5 * 1024 * 1024;
const MULTIPART_ID = /^[a-z0-9]{16,64}$/;

interface UploadedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

interface Manifest {
  key: string;
  contentType: string;
  createdAt: string;
}

const partName = (n: number): string => `part-${String(n).padStart(5, '0')}`;
const stripQuotes = (etag: string): string => etag.replace(/^(W\/)?"|"$/g, '');

export class LocalMultipartStore {
  private readonly minPartSize: number;

  constructor(
    private readonly storage: BlobStorage,
    options: { minPartSize?: number } = {},
  ) {
    this.minPartSize = options.minPartSize ?? S3_MIN_PART_SIZE;
  }

  static isMultipartId(id: string): boolean {
    return MULTIPART_ID.test(id);
  }

  async create(key: string, contentType: string, now: Date = new Date()): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const manifest: Manifest = { key, contentType, createdAt: now.toISOString() };
    await this.storage.put(this.manifestKey(id), Buffer.from(JSON.stringify(manifest)), {
      contentType: 'application/json',
    });
    return id;
  }

  async putPart(id: string, partNumber: number, body: Readable): Promise<PutResult> {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
      throw blobProblem('MULTIPART_PARTS_INVALID', `part numbers run from 1 to ${MAX_PARTS}`);
    }
    await this.manifest(id);
    return this.storage.put(`${this.dir(id)}/${partName(partNumber)}`, body, {
      contentType: 'application/octet-stream',
    });
  }

  async listParts(id: string): Promise<UploadedPart[]> {
    await this.manifest(id);
    const found = await this.storage.list(`${this.dir(id)}/part-`);
    const parts = await Promise.all(
      found.map(async ({ key }) => {
        const head = await this.storage.head(key);
        return head ? { partNumber: Number(key.slice(-5)), etag: head.etag, size: head.size } : undefined;
      }),
    );
    return parts
      .filter((p): p is UploadedPart => p !== undefined)
      .sort((a, b) => a.partNumber - b.partNumber);
  }

  /** Assembles the parts named (ascending, each with the ETag its PUT returned) into `key`. */
  async complete(id: string, key: string, parts: readonly CompletedPart[]): Promise<PutResult> {
    const manifest = await this.manifest(id);
    if (manifest.key !== key)
      throw blobProblem('MULTIPART_UPLOAD_NOT_FOUND', 'no such multipart upload for this key');
    const uploaded = new Map((await this.listParts(id)).map((p) => [p.partNumber, p]));
    const chosen = this.checkParts(parts, uploaded);
    const result = await this.storage.put(key, Readable.from(this.concatenate(id, chosen)), {
      contentType: manifest.contentType,
    });
    await this.storage.deletePrefix(`${this.dir(id)}/`);
    return result;
  }

  async abort(id: string): Promise<void> {
    if (!LocalMultipartStore.isMultipartId(id)) return;
    await this.storage.deletePrefix(`${this.dir(id)}/`);
  }

  private checkParts(parts: readonly CompletedPart[], uploaded: Map<number, UploadedPart>): UploadedPart[] {
    if (parts.length === 0) throw blobProblem('MULTIPART_PARTS_INVALID', 'name at least one part');
    return parts.map((part, index) => {
      const previous = parts[index - 1];
      if (previous && part.partNumber <= previous.partNumber) {
        throw blobProblem(
          'MULTIPART_PARTS_INVALID',
          'list the parts in ascending part-number order, each once',
        );
      }
      const stored = uploaded.get(part.partNumber);
      if (!stored || stripQuotes(part.etag) !== stored.etag) {
        throw blobProblem(
          'MULTIPART_PARTS_INVALID',
          `part ${part.partNumber} was not uploaded with that ETag`,
        );
      }
      if (index < parts.length - 1 && stored.size < this.minPartSize) {
        throw blobProblem(
          'MULTIPART_PARTS_INVALID',
          `part ${part.partNumber} is smaller than ${this.minPartSize} bytes and is not the last`,
        );
      }
      return stored;
    });
  }

  private async *concatenate(id: string, parts: readonly UploadedPart[]): AsyncGenerator<Buffer> {
    for (const part of parts) {
      for await (const chunk of await this.storage.getStream(`${this.dir(id)}/${partName(part.partNumber)}`))
        yield chunk as Buffer;
    }
  }

  private async manifest(id: string): Promise<Manifest> {
    if (!LocalMultipartStore.isMultipartId(id))
      throw blobProblem('MULTIPART_UPLOAD_NOT_FOUND', 'no such multipart upload');
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.getStream(this.manifestKey(id)))
        chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Manifest;
    } catch (error) {
      if ((error as { code?: string }).code === 'BLOB_NOT_FOUND')
        throw blobProblem(
          'MULTIPART_UPLOAD_NOT_FOUND',
          'no such multipart upload (completed, aborted or never created)',
        );
      throw error;
    }
  }

  private dir(id: string): string {
    return `${MULTIPART_ROOT}/${id}`;
  }

  private manifestKey(id: string): string {
    return `${this.dir(id)}/manifest`;
  }
}
