// Multipart uploads on the local disk, for the embedded mode. Mirrors S3's rules so a client written
// against one works against the other: parts 1..10000, every part but the last at least minPartSize.
//
// Every part is written straight at its offset, (partNumber - 1) × partSize, into one staging file of
// the upload (LocalDiskBlobStorage's staging/<id>); completing renames that file into the key, so it
// costs O(parts), not a second copy of the bytes. The part size is the one its URL was signed for
// (ingest signs every part URL of an upload with the upload's part size).
//
// What is present is recorded durably, one small object per part under `_multipart/<id>/`, written
// only once the part's bytes are in the file and removed before a part is written again: a part that
// never arrived (or was cut off by a crash) has no record, so the holes of the sparse file never read
// as data. Completing checks the records: every listed part with its ETag, contiguous bytes, no gap.
// An upload created by this process keeps its manifest and records in memory too, changed with the
// files (every change to them goes through this store: the embedded server is one process), so
// listing and completing read no record back; one created before a restart is read from disk.
//
// The object's SHA-256 is hashed in the background as parts arrive (in order, reading back the
// contiguous prefix of present parts from the file), so completing only waits for the tail; a part
// that starts where that hash stands (part 1, or the next part once the ones before it are hashed)
// is hashed from its own bytes as they arrive, with no read back. A part ETag is a random token per
// stored write (it names that write, as S3's names its bytes).
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm, truncate, writeFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStorage, PutResult } from '@mediaflow/blob-storage';
import type { LocalStaging } from '@mediaflow/blob-storage/local';
import { blobProblem } from '../signing/signature-errors';
import { forgetHashFrom, inlineHash, runningHash, runningHashes, takeInlineHash, type RunningHash } from './running-hash';

const MULTIPART_ROOT = '_multipart';
export const MAX_PARTS = 10_000;
/** S3's minimum for every part but the last. */
const S3_MIN_PART_SIZE = 5 * 1024 * 1024;
const MULTIPART_ID = /^[a-z0-9]{16,64}$/;
/** Uploads whose manifest and part records are kept in memory at once (a few hundred bytes each). */
const MAX_KNOWN_UPLOADS = 1000;

interface UploadedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

/** The durable record of a stored part: its bytes are at `offset`..`offset + size - 1` of the file. */
interface PartRecord extends UploadedPart {
  readonly offset: number;
}

export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

export interface StoredPart {
  readonly etag: string;
  readonly size: number;
}

interface Manifest {
  key: string;
  contentType: string;
  createdAt: string;
}

const partName = (n: number): string => `part-${String(n).padStart(5, '0')}`;
const stripQuotes = (etag: string): string => etag.replace(/^(W\/)?"|"$/g, '');
const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Manifest and part records, by multipart id (random), of the uploads created by this process: the
 * same as on disk, since every change goes through putPart, complete and abort. An upload missing
 * here (created before a restart, or evicted) is read from disk.
 */
const knownUploads = new Map<string, { readonly manifest: Manifest; readonly parts: Map<number, PartRecord> }>();

const remember = (id: string, manifest: Manifest): void => {
  if (knownUploads.size >= MAX_KNOWN_UPLOADS) {
    const oldest = knownUploads.keys().next().value;
    if (oldest !== undefined) knownUploads.delete(oldest);
  }
  knownUploads.set(id, { manifest, parts: new Map() });
};

const hasStaging = (storage: BlobStorage): storage is BlobStorage & LocalStaging =>
  typeof (storage as Partial<LocalStaging>).stagingPath === 'function' &&
  typeof (storage as Partial<LocalStaging>).adoptFile === 'function';

export class LocalMultipartStore {
  private readonly minPartSize: number;

  /** `storage` must be a local one (LocalDiskBlobStorage): checked on first use, not here, for routers that never take parts. */
  constructor(
    private readonly storage: BlobStorage,
    options: { minPartSize?: number } = {},
  ) {
    this.minPartSize = options.minPartSize ?? S3_MIN_PART_SIZE;
  }

  private get local(): BlobStorage & LocalStaging {
    if (!hasStaging(this.storage))
      throw new Error('LocalMultipartStore needs a storage with staging files (LocalDiskBlobStorage)');
    return this.storage;
  }

  static isMultipartId(id: string): boolean {
    return MULTIPART_ID.test(id);
  }

  async create(key: string, contentType: string, now: Date = new Date()): Promise<string> {
    const id = randomBytes(16).toString('hex');
    // The file first: an upload whose manifest exists always has one.
    await writeFile(await this.dataPath(id), '');
    const manifest: Manifest = { key, contentType, createdAt: now.toISOString() };
    await this.storage.put(this.manifestKey(id), Buffer.from(JSON.stringify(manifest)), {
      contentType: 'application/json',
    });
    remember(id, manifest);
    return id;
  }

  /**
   * Writes the part at (partNumber - 1) × partSize. A part sent again replaces itself: its record goes
   * first, then the bytes, then the new record, so an interrupted rewrite leaves the part absent.
   */
  async putPart(id: string, partNumber: number, body: Readable, partSize: number): Promise<StoredPart> {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
      throw blobProblem('MULTIPART_PARTS_INVALID', `part numbers run from 1 to ${MAX_PARTS}`);
    }
    // The client may cut the body off before the pipeline below listens: its error then surfaces there.
    body.on('error', () => undefined);
    await this.manifest(id);
    const path = await this.dataPath(id);
    const recordKey = this.partKey(id, partNumber);
    forgetHashFrom(path, partNumber);
    // Absent from now on, in memory as on disk, until the new bytes are in.
    knownUploads.get(id)?.parts.delete(partNumber);
    await this.storage.delete(recordKey);
    const offset = (partNumber - 1) * partSize;
    const inline = inlineHash(path, partNumber, offset);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        inline?.hash.update(chunk);
        callback(null, chunk);
      },
    });
    // r+: never creates the file, so a part racing an abort or a completion fails instead of leaving one.
    await pipeline(body, counter, createWriteStream(path, { flags: 'r+', start: offset }));
    const record: PartRecord = { partNumber, etag: randomBytes(16).toString('hex'), size, offset };
    await this.storage.put(recordKey, Buffer.from(JSON.stringify(record)), { contentType: 'application/json' });
    knownUploads.get(id)?.parts.set(partNumber, record);
    if (inline) takeInlineHash(path, inline, record);
    this.advanceHash(id, path);
    return { etag: record.etag, size };
  }

  async listParts(id: string): Promise<UploadedPart[]> {
    return (await this.records(id)).map(({ partNumber, etag, size }) => ({ partNumber, etag, size }));
  }

  /** Renames the upload's file, holding the parts named (ascending, with their ETags), into `key`. */
  async complete(id: string, key: string, parts: readonly CompletedPart[]): Promise<PutResult> {
    const manifest = await this.manifest(id);
    if (manifest.key !== key)
      throw blobProblem('MULTIPART_UPLOAD_NOT_FOUND', 'no such multipart upload for this key');
    const path = await this.dataPath(id);
    const chosen = this.checkParts(parts, await this.recordsByNumber(id));
    const size = chosen.reduce((sum, p) => sum + p.size, 0);
    const sha256 = await this.digestOf(path, chosen);
    // A part rewritten meanwhile would have changed the bytes just hashed: refuse rather than guess.
    const now = await this.recordsByNumber(id);
    if (chosen.some((p) => now.get(p.partNumber)?.etag !== p.etag))
      throw blobProblem('MULTIPART_PARTS_INVALID', 'a part was sent again while completing; complete again');
    // Bytes past the last part (a bigger part number sent but not listed) are not the object's.
    await truncate(path, size);
    const result = await this.local.adoptFile(key, path, { contentType: manifest.contentType }, sha256);
    runningHashes.delete(path);
    await this.forget(id);
    return result;
  }

  /**
   * Removes the manifest and the part records: those this process knows all at once (one by one
   * they took ~5 sequential file operations each), then whatever a listing still finds (a part
   * record written meanwhile; everything, after a restart).
   */
  private async forget(id: string): Promise<void> {
    const known = knownUploads.get(id);
    knownUploads.delete(id);
    if (known) {
      const keys = [...known.parts.keys()].map((n) => this.partKey(id, n));
      await Promise.all([...keys, this.manifestKey(id)].map((key) => this.storage.delete(key)));
    }
    await this.storage.deletePrefix(`${this.dir(id)}/`);
  }

  async abort(id: string): Promise<void> {
    if (!LocalMultipartStore.isMultipartId(id)) return;
    // The manifest goes with the records, so a part arriving later is refused (404), then the file.
    knownUploads.delete(id);
    await this.storage.deletePrefix(`${this.dir(id)}/`);
    const path = await this.dataPath(id);
    runningHashes.delete(path);
    await rm(path, { force: true });
  }

  private checkParts(parts: readonly CompletedPart[], uploaded: Map<number, PartRecord>): PartRecord[] {
    if (parts.length === 0) throw blobProblem('MULTIPART_PARTS_INVALID', 'name at least one part');
    let offset = 0;
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
      if (stored.offset !== offset) {
        throw blobProblem(
          'MULTIPART_PARTS_INVALID',
          `part ${part.partNumber} does not follow the bytes before it (a missing part, or a part shorter than the part size that is not the last)`,
        );
      }
      offset += stored.size;
      return stored;
    });
  }

  /** The SHA-256 of the chosen parts: the running hash when it covers exactly them, else one read. */
  private async digestOf(path: string, chosen: readonly PartRecord[]): Promise<string> {
    const running = runningHashes.get(path);
    if (running) {
      await running.work;
      const covered =
        running.etags.length === chosen.length && chosen.every((p, i) => running.etags[i] === p.etag);
      if (covered) return running.hash.copy().digest('hex');
    }
    const hash = createHash('sha256');
    const size = chosen.reduce((sum, p) => sum + p.size, 0);
    if (size > 0) await this.hashRange(path, 0, size, hash);
    return hash.digest('hex');
  }

  /** Queues an advance of the upload's running hash over the parts that now follow its prefix. */
  private advanceHash(id: string, path: string): void {
    const state = runningHash(path);
    // A failure (the upload aborted or completed meanwhile) only leaves the hash behind: completing
    // then hashes what it lacks itself.
    state.work = state.work.then(() => this.advance(id, path, state)).catch(() => undefined);
  }

  private async advance(id: string, path: string, state: RunningHash): Promise<void> {
    for (;;) {
      if (runningHashes.get(path) !== state) return;
      const { generation } = state;
      const next = await this.record(id, state.etags.length + 1);
      if (!next || next.offset !== state.bytes) return;
      const hash = state.hash.copy();
      await this.hashRange(path, next.offset, next.size, hash);
      // Sent again while being read: its record changed (or went); that write's advance takes it.
      if (state.generation !== generation || (await this.record(id, next.partNumber))?.etag !== next.etag) return;
      // Hashed meanwhile from its own bytes as it arrived (takeInlineHash): already in.
      if (state.etags.length !== next.partNumber - 1 || state.bytes !== next.offset) continue;
      state.hash = hash;
      state.etags.push(next.etag);
      state.bytes += next.size;
    }
  }

  private async hashRange(path: string, start: number, size: number, hash: Hash): Promise<void> {
    if (size === 0) return;
    const handle = await open(path, 'r');
    const stream = handle.createReadStream({ start, end: start + size - 1, highWaterMark: 1024 * 1024 });
    for await (const chunk of stream) hash.update(chunk as Buffer);
  }

  /** The record of a part, or undefined when it is absent (never sent, or being sent again). */
  private async record(id: string, partNumber: number): Promise<PartRecord | undefined> {
    const known = knownUploads.get(id);
    if (known) return known.parts.get(partNumber);
    try {
      const text = (await readAll(await this.storage.getStream(this.partKey(id, partNumber)))).toString('utf8');
      return JSON.parse(text) as PartRecord;
    } catch (error) {
      if ((error as { code?: string }).code === 'BLOB_NOT_FOUND') return undefined;
      throw error;
    }
  }

  private async records(id: string): Promise<PartRecord[]> {
    await this.manifest(id);
    const known = knownUploads.get(id);
    if (known) return [...known.parts.values()].sort((a, b) => a.partNumber - b.partNumber);
    const found = await this.storage.list(`${this.dir(id)}/part-`);
    const records = await Promise.all(found.map(({ key }) => this.record(id, Number(key.slice(-5)))));
    return records.filter((r): r is PartRecord => r !== undefined).sort((a, b) => a.partNumber - b.partNumber);
  }

  private async recordsByNumber(id: string): Promise<Map<number, PartRecord>> {
    return new Map((await this.records(id)).map((r) => [r.partNumber, r]));
  }

  private async manifest(id: string): Promise<Manifest> {
    if (!LocalMultipartStore.isMultipartId(id))
      throw blobProblem('MULTIPART_UPLOAD_NOT_FOUND', 'no such multipart upload');
    const known = knownUploads.get(id);
    if (known) return known.manifest;
    try {
      return JSON.parse(
        (await readAll(await this.storage.getStream(this.manifestKey(id)))).toString('utf8'),
      ) as Manifest;
    } catch (error) {
      if ((error as { code?: string }).code === 'BLOB_NOT_FOUND')
        throw blobProblem(
          'MULTIPART_UPLOAD_NOT_FOUND',
          'no such multipart upload (completed, aborted or never created)',
        );
      throw error;
    }
  }

  private dataPath(id: string): Promise<string> {
    return this.local.stagingPath(`multipart-${id}`);
  }

  private dir(id: string): string {
    return `${MULTIPART_ROOT}/${id}`;
  }

  private manifestKey(id: string): string {
    return `${this.dir(id)}/manifest`;
  }

  private partKey(id: string, partNumber: number): string {
    return `${this.dir(id)}/${partName(partNumber)}`;
  }
}
