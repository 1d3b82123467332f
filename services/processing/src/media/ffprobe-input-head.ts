// Before ffprobe runs: the size of the input and its first bytes, from the disk or from one small
// HTTP range request. They classify empty files and playlists without ffprobe, tell corrupt media
// from non-media when ffprobe gives up, and turn an unreachable URL into a clean ProbeUnavailable.
import { open } from 'node:fs/promises';
import { SIGNATURE_BYTES } from '../domain/classify-signature';
import { ProbeUnavailable } from '../domain/media-errors';

interface InputHead {
  /** Undefined when an HTTP server says neither Content-Range nor Content-Length. */
  sizeBytes?: number;
  head: Uint8Array;
}

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** A URL fit for logs and error messages: no query string, which holds presigned credentials. */
export const redactInput = (input: string): string => {
  if (!isUrl(input)) return input;
  try {
    const url = new URL(input);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
};

const readLocalHead = async (path: string): Promise<InputHead> => {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new ProbeUnavailable('SOURCE_NOT_FOUND', `no file at ${path}`, false, { cause: error });
    throw new ProbeUnavailable(
      'SOURCE_UNREACHABLE',
      `cannot open ${path}: ${code ?? String(error)}`,
      code !== 'EACCES',
      { cause: error },
    );
  }
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.min(SIGNATURE_BYTES, size));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return { sizeBytes: size, head: new Uint8Array(buffer.subarray(0, bytesRead)) };
  } finally {
    await file.close();
  }
};

const totalFromContentRange = (header: string | null): number | undefined => {
  const total = /\/(\d+)\s*$/.exec(header ?? '')?.[1];
  return total === undefined ? undefined : Number(total);
};

const httpFailure = (status: number, where: string): ProbeUnavailable => {
  if (status === 404 || status === 410)
    return new ProbeUnavailable('SOURCE_NOT_FOUND', `${where} answered HTTP ${status}`, false);
  const retryable = status >= 500 || status === 408 || status === 429;
  return new ProbeUnavailable('SOURCE_HTTP_ERROR', `${where} answered HTTP ${status}`, retryable);
};

/** Reads at most SIGNATURE_BYTES of the body, then drops the connection. */
const readBodyStart = async (response: Response): Promise<Uint8Array> => {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < SIGNATURE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, SIGNATURE_BYTES));
};

const readUrlHead = async (url: string, timeoutMs: number, signal?: AbortSignal): Promise<InputHead> => {
  const where = redactInput(url);
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    // A ranged GET, not HEAD: a presigned URL is signed for GET only.
    response = await fetch(url, {
      headers: { range: `bytes=0-${SIGNATURE_BYTES - 1}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'follow',
    });
  } catch (error) {
    if (signal?.aborted)
      throw new ProbeUnavailable('PROBE_ABORTED', `probe of ${where} aborted`, true, { cause: error });
    if (timeout.aborted)
      throw new ProbeUnavailable('PROBE_TIMED_OUT', `${where} did not answer within ${timeoutMs} ms`, true, {
        cause: error,
      });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? String(error);
    throw new ProbeUnavailable('SOURCE_UNREACHABLE', `cannot reach ${where}: ${detail}`, true, {
      cause: error,
    });
  }
  if (response.status === 416) {
    // S3 and most servers answer a range on an empty object with 416 and "bytes */0".
    await response.body?.cancel().catch(() => undefined);
    const total = totalFromContentRange(response.headers.get('content-range'));
    if (total === 0) return { sizeBytes: 0, head: new Uint8Array() };
    throw httpFailure(416, where);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw httpFailure(response.status, where);
  }
  const sizeBytes =
    response.status === 206
      ? totalFromContentRange(response.headers.get('content-range'))
      : Number(response.headers.get('content-length') ?? Number.NaN);
  const head = await readBodyStart(response);
  return { sizeBytes: Number.isFinite(sizeBytes) ? sizeBytes : undefined, head };
};

interface InputHeadOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Size and first bytes of a local path or an http(s) URL; throws ProbeUnavailable when it cannot. */
export const readInputHead = (input: string, options: InputHeadOptions): Promise<InputHead> =>
  isUrl(input) ? readUrlHead(input, options.timeoutMs, options.signal) : readLocalHead(input);
