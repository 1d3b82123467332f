// The running SHA-256 of a multipart upload's object, kept in memory per staging file while its parts
// arrive (see local-multipart-store.ts): parts 1..n hashed in order, each by the ETag of the write it
// hashed, so completing can tell whether it covers exactly the parts named.
import { createHash, type Hash } from 'node:crypto';

/** Uploads whose running hash is kept in memory at once (a few hundred bytes each). */
const MAX_HASH_STATES = 1000;

/** SHA-256 of parts 1..etags.length, in order, as they were when hashed (by their ETags). */
export interface RunningHash {
  hash: Hash;
  etags: string[];
  bytes: number;
  /** Bumped when a hashed part is sent again: an advance under way then drops what it read. */
  generation: number;
  /** The advance under way: each one chains on the previous. */
  work: Promise<void>;
}

/** The hash of one part taken from its bytes as they arrive, over a copy of the running hash. */
export interface InlineHash {
  readonly state: RunningHash;
  readonly generation: number;
  readonly hash: Hash;
}

/**
 * Running hashes by staging file, for the process: the blob router (which receives the parts) and
 * ingest (which completes) may each hold their own store over the same storage.
 */
export const runningHashes = new Map<string, RunningHash>();

export const runningHash = (path: string): RunningHash => {
  let running = runningHashes.get(path);
  if (!running) {
    if (runningHashes.size >= MAX_HASH_STATES) {
      const oldest = runningHashes.keys().next().value;
      if (oldest !== undefined) runningHashes.delete(oldest);
    }
    running = { hash: createHash('sha256'), etags: [], bytes: 0, generation: 0, work: Promise.resolve() };
    runningHashes.set(path, running);
  }
  return running;
};

/**
 * A part that starts exactly where the running hash stands (every part before it hashed) is hashed
 * from the bytes it receives, into a copy taken now; undefined for any other part (read back later).
 */
export const inlineHash = (path: string, partNumber: number, offset: number): InlineHash | undefined => {
  const state = partNumber === 1 ? runningHash(path) : runningHashes.get(path);
  if (!state || state.etags.length !== partNumber - 1 || state.bytes !== offset) return undefined;
  return { state, generation: state.generation, hash: state.hash.copy() };
};

/** The part's record is written: its inline hash becomes the running hash if nothing moved meanwhile. */
export const takeInlineHash = (
  path: string,
  inline: InlineHash,
  part: { readonly partNumber: number; readonly etag: string; readonly size: number; readonly offset: number },
): void => {
  const { state } = inline;
  const unchanged =
    runningHashes.get(path) === state &&
    state.generation === inline.generation &&
    state.etags.length === part.partNumber - 1 &&
    state.bytes === part.offset;
  if (!unchanged) return;
  state.hash = inline.hash;
  state.etags.push(part.etag);
  state.bytes += part.size;
};

/** A part hashed earlier is being sent again: start over (rare: clients resend failed parts). */
export const forgetHashFrom = (path: string, partNumber: number): void => {
  const state = runningHashes.get(path);
  if (!state || state.etags.length < partNumber) return;
  state.hash = createHash('sha256');
  state.etags = [];
  state.bytes = 0;
  state.generation += 1;
};
