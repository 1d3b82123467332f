// The SHA-256 the upload gives at completion, computed from the chunks read to send the file: parts
// are read in parallel and finish in any order, and each chunk is hashed once every byte before it
// has been, so one read of the file both sends and hashes it. Chunks ahead of that point wait in
// memory; `readable` lets a reader too far ahead wait, so that memory stays bounded whatever the
// part size. A chunk seen again (a part sent again) is skipped.
import { createHash } from 'node:crypto';

export class OrderedDigest {
  private readonly hash = createHash('sha256');
  private hashed = 0;
  /** Chunks read ahead of `hashed`, by their offset in the file. */
  private readonly waiting = new Map<number, Uint8Array>();
  /** Readers waiting for the hash to reach an offset. */
  private readers: Array<{ readonly until: number; readonly resume: () => void }> = [];

  constructor(private readonly size: number) {}

  /** Bytes hashed so far: every byte of the file before this offset. */
  get hashedBytes(): number {
    return this.hashed;
  }

  /** The bytes of the file at `offset`, as they were read to be sent. */
  add(offset: number, chunk: Uint8Array): void {
    if (offset > this.hashed) {
      if (!this.waiting.has(offset)) this.waiting.set(offset, chunk);
      return;
    }
    this.take(offset, chunk);
    for (let found = true; found; ) {
      found = false;
      for (const [at, waiting] of this.waiting) {
        if (at > this.hashed) continue;
        this.waiting.delete(at);
        this.take(at, waiting);
        found = true;
      }
    }
  }

  /**
   * Resolves once the hash has reached `offset` (at once if it has): a reader about to read the
   * bytes at `offset + window` awaits `readable(offset)` so no more than `window` bytes wait.
   */
  readable(offset: number): Promise<void> | undefined {
    if (offset <= this.hashed) return undefined;
    return new Promise((resume) => this.readers.push({ until: offset, resume }));
  }

  /** Lower-case hex; throws unless every byte of the file was added. */
  digest(): string {
    if (this.hashed !== this.size) throw new Error(`only ${this.hashed} of ${this.size} bytes were read for the SHA-256`);
    return this.hash.digest('hex');
  }

  private take(offset: number, chunk: Uint8Array): void {
    const end = offset + chunk.length;
    if (end <= this.hashed) return;
    this.hash.update(chunk.subarray(this.hashed - offset));
    this.hashed = end;
    const ready = this.readers.filter((r) => r.until <= end);
    if (ready.length === 0) return;
    this.readers = this.readers.filter((r) => r.until > end);
    for (const reader of ready) reader.resume();
  }
}
