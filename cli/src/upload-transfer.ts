// Sends a file's bytes to the presigned URL(s) of an upload ticket: one streamed PUT, or one per
// part (a few at a time) keeping each answer's ETag. A part that fails on the network or with a
// 5xx/408/429 is sent again, up to 3 more times; the progress callback takes back what it counted.
// Every chunk read is also handed to `onRead` with its offset (the upload hashes them as it sends).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { networkReason, problemOf } from './api-client';
import type { UploadTicket } from './api-types';
import { CliError } from './cli-errors';
import { httpRequest } from './http-transport';

/** Bytes per read of the file: fewer, larger chunks cost less per byte to hash and to send. */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

/** Bytes handed to the network (negative when a failed attempt is taken back). */
type OnBytes = (delta: number) => void;

/**
 * A chunk of the file as read to be sent, at its offset in the file (again if a PUT is retried).
 * A promise returned holds the reading of that part until it settles.
 */
type OnRead = (offset: number, chunk: Uint8Array) => Promise<void> | undefined;

interface TransferOptions {
  readonly onBytes: OnBytes;
  readonly onRead?: OnRead;
  /** Parts in flight at once (default 4). */
  readonly concurrency?: number;
  /** Attempts per PUT (default 4: the first and 3 retries). */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
}

interface PutTarget {
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly start: number;
  readonly length: number;
}

class PutFailed extends CliError {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

async function* fileRange(file: string, start: number, length: number, onBytes: OnBytes, onRead?: OnRead): AsyncGenerator<Uint8Array> {
  let offset = start;
  for await (const chunk of fs.createReadStream(file, { start, end: start + length - 1, highWaterMark: READ_CHUNK_BYTES })) {
    const held = onRead?.(offset, chunk as Buffer);
    if (held) await held;
    offset += (chunk as Buffer).length;
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

const putOnce = async (file: string, target: PutTarget, options: TransferOptions, signal: AbortSignal): Promise<string | undefined> => {
  const { onBytes, onRead } = options;
  let sent = 0;
  const count: OnBytes = (n) => {
    sent += n;
    onBytes(n);
  };
  try {
    const res = await httpRequest(target.url, {
      method: 'PUT',
      headers: { ...target.headers, 'content-length': String(target.length) },
      body: Readable.from(fileRange(file, target.start, target.length, count, onRead), { objectMode: false, highWaterMark: READ_CHUNK_BYTES }),
      signal,
    });
    if (res.status < 200 || res.status >= 300) {
      const problem = await problemOf(res);
      throw new PutFailed(`${target.label} was refused: ${problem.message}`, res.status >= 500 || res.status === 408 || res.status === 429);
    }
    await res.text();
    const etag = res.headers.etag;
    return typeof etag === 'string' ? etag : undefined;
  } catch (error) {
    onBytes(-sent);
    if (error instanceof PutFailed || signal.aborted) throw error;
    throw new PutFailed(`${target.label} failed: ${networkReason(error)}`, true);
  }
};

const putWithRetries = async (file: string, target: PutTarget, options: TransferOptions, signal: AbortSignal): Promise<string | undefined> => {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await putOnce(file, target, options, signal);
    } catch (error) {
      if (!(error instanceof PutFailed) || !error.retryable || attempt >= attempts || signal.aborted) {
        throw attempt > 1 && error instanceof PutFailed ? new CliError(`${error.message} (after ${attempt} attempts)`) : error;
      }
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 500) * 2 ** (attempt - 1)));
    }
  }
};

export const putSingle = async (file: string, size: number, ticket: UploadTicket, options: TransferOptions): Promise<void> => {
  if (!ticket.url) throw new CliError('the upload ticket has no url');
  const target = { label: 'the upload', url: ticket.url, headers: ticket.headers ?? {}, start: 0, length: size };
  await putWithRetries(file, target, options, new AbortController().signal);
};

export const putParts = async (file: string, size: number, ticket: UploadTicket, options: TransferOptions): Promise<CompletedPart[]> => {
  const { parts, partSize } = ticket;
  if (!parts || !partSize) throw new CliError('the multipart ticket has no parts or partSize');
  const queue = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const done: CompletedPart[] = [];
  const abort = new AbortController();
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    for (let part = queue.shift(); part && !abort.signal.aborted; part = queue.shift()) {
      const start = (part.partNumber - 1) * partSize;
      const target = { label: `part ${part.partNumber}`, url: part.url, headers: {}, start, length: Math.min(partSize, size - start) };
      const etag = await putWithRetries(file, target, options, abort.signal);
      if (!etag) throw new CliError(`part ${part.partNumber} was stored but its answer had no ETag header`);
      done.push({ partNumber: part.partNumber, etag });
    }
  };
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, () =>
    worker().catch((error: unknown) => {
      firstError ??= error;
      abort.abort();
    }),
  );
  await Promise.all(workers);
  if (firstError !== undefined) throw firstError;
  return done.sort((a, b) => a.partNumber - b.partNumber);
};
