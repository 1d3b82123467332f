// Sends a file the way the API hands out: one presigned PUT, or one PUT per part (multipart) with
// the ETags kept in localStorage, so an upload interrupted by a reload resumes from the parts that
// were already stored once the same file is chosen again. Progress is reported in bytes.
import { ApiError, type Api, type UploadTicket } from './api';

export interface UploadProgress {
  readonly sentBytes: number;
  readonly totalBytes: number;
  readonly phase: 'starting' | 'sending' | 'completing' | 'done';
  readonly resumedParts?: number;
}

export interface PendingUpload {
  readonly uploadId: string;
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  readonly profile: string;
  readonly partSize?: number;
  readonly etags: Record<string, string>;
  readonly savedAt: string;
}

const KEY = 'mediaflow.pendingUploads';
const PARALLEL_PARTS = 4;
const PART_ATTEMPTS = 3;

export const pendingUploads = (): PendingUpload[] => {
  try {
    // Another tab or an older UI may have left anything under the key; only a list is ours.
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? (stored as PendingUpload[]) : [];
  } catch {
    return [];
  }
};

const savePending = (entry: PendingUpload | undefined, removeId?: string): void => {
  const others = pendingUploads().filter((p) => p.uploadId !== (entry?.uploadId ?? removeId));
  localStorage.setItem(KEY, JSON.stringify(entry ? [...others, entry] : others));
};

export const forgetPending = (uploadId: string): void => savePending(undefined, uploadId);

export const findPending = (file: File): PendingUpload | undefined =>
  pendingUploads().find((p) => p.name === file.name && p.size === file.size && p.lastModified === file.lastModified);

/** A browser-side guess when the OS gives no type; the API decides what it accepts. */
export const contentTypeOf = (file: File): string => {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known: Record<string, string> = { mp4: 'video/mp4', mov: 'video/quicktime', mkv: 'video/x-matroska', webm: 'video/webm', mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', flac: 'audio/flac', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
  return known[ext] ?? 'application/octet-stream';
};

const put = (url: string, body: Blob, headers: Record<string, string>, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'content-length' && k.toLowerCase() !== 'host') xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.getResponseHeader('etag') ?? '');
      else reject(new ApiError(xhr.status, 'UPLOAD_PUT_FAILED', `Storage refused the bytes (HTTP ${xhr.status})`, xhr.responseText.slice(0, 300)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The connection broke while sending the file'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });

export interface UploadRun {
  readonly uploadId: Promise<string>;
  readonly jobId: Promise<string>;
  cancel(): void;
}

export const startUpload = (api: Api, file: File, profile: string, onProgress: (p: UploadProgress) => void): UploadRun => {
  const abort = new AbortController();
  let resolveId: (id: string) => void = () => undefined;
  const uploadId = new Promise<string>((r) => (resolveId = r));
  let currentId: string | undefined;
  const run = async (): Promise<string> => {
    onProgress({ sentBytes: 0, totalBytes: file.size, phase: 'starting' });
    const resumable = findPending(file);
    let ticket: Pick<UploadTicket, 'method' | 'url' | 'headers' | 'parts' | 'partSize'> & { uploadId: string };
    let etags: Record<string, string> = {};
    const fresh = resumable ? await api.getUpload(resumable.uploadId).catch(() => undefined) : undefined;
    if (resumable && fresh?.status === 'pending' && fresh.upload && fresh.method === 'multipart') {
      ticket = { uploadId: fresh.uploadId, method: 'multipart', ...fresh.upload };
      etags = { ...resumable.etags };
    } else {
      if (resumable) forgetPending(resumable.uploadId);
      ticket = await api.createUpload({ filename: file.name, contentType: contentTypeOf(file), size: file.size, profile });
    }
    currentId = ticket.uploadId;
    resolveId(ticket.uploadId);
    if (ticket.method === 'single') {
      await put(ticket.url!, file, ticket.headers ?? {}, (loaded) => onProgress({ sentBytes: loaded, totalBytes: file.size, phase: 'sending' }), abort.signal);
      onProgress({ sentBytes: file.size, totalBytes: file.size, phase: 'completing' });
      return (await api.completeUpload(ticket.uploadId)).jobId;
    }
    return sendParts(api, file, { ...ticket, partSize: ticket.partSize!, parts: ticket.parts! }, etags, profile, onProgress, abort.signal);
  };
  let settled = false;
  const jobId = run().then(
    (id) => {
      settled = true;
      onProgress({ sentBytes: file.size, totalBytes: file.size, phase: 'done' });
      return id;
    },
    (error: unknown) => {
      settled = true;
      resolveId('');
      throw error;
    },
  );
  return {
    uploadId,
    jobId,
    cancel: () => {
      // A finished upload (completed or failed) has nothing left to cancel.
      if (settled) return;
      abort.abort();
      if (currentId) {
        forgetPending(currentId);
        void api.abortUpload(currentId).catch(() => undefined);
      }
    },
  };
};

const sendParts = async (
  api: Api,
  file: File,
  ticket: { uploadId: string; partSize: number; parts: Array<{ partNumber: number; url: string }> },
  etags: Record<string, string>,
  profile: string,
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal,
): Promise<string> => {
  const { uploadId, partSize } = ticket;
  const sizeOf = (n: number) => Math.min(partSize, file.size - (n - 1) * partSize);
  const resumedParts = Object.keys(etags).length;
  const inFlight = new Map<number, number>();
  let doneBytes = Object.keys(etags).reduce((sum, n) => sum + sizeOf(Number(n)), 0);
  const report = () => {
    const sent = doneBytes + [...inFlight.values()].reduce((a, b) => a + b, 0);
    onProgress({ sentBytes: Math.min(sent, file.size), totalBytes: file.size, phase: 'sending', resumedParts });
  };
  const persist = () => savePending({ uploadId, name: file.name, size: file.size, lastModified: file.lastModified, profile, partSize, etags, savedAt: new Date().toISOString() });
  persist();
  report();
  const queue = ticket.parts.filter((p) => !etags[p.partNumber]);
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = (part.partNumber - 1) * partSize;
      const blob = file.slice(start, start + sizeOf(part.partNumber));
      for (let attempt = 1; ; attempt += 1) {
        try {
          const etag = await put(part.url, blob, {}, (loaded) => (inFlight.set(part!.partNumber, loaded), report()), signal);
          etags[part.partNumber] = etag;
          break;
        } catch (error) {
          inFlight.delete(part.partNumber);
          if (signal.aborted || attempt >= PART_ATTEMPTS || (error instanceof ApiError && error.status >= 400 && error.status < 500)) throw error;
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
      inFlight.delete(part.partNumber);
      doneBytes += blob.size;
      persist();
      report();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PARTS }, worker));
  onProgress({ sentBytes: file.size, totalBytes: file.size, phase: 'completing', resumedParts });
  const parts = ticket.parts.map((p) => ({ partNumber: p.partNumber, etag: etags[p.partNumber] ?? '' }));
  // Storage that hides the ETag (no CORS exposure) still completes: the API then takes every stored part.
  const { jobId } = await api.completeUpload(uploadId, parts.every((p) => p.etag) ? parts : undefined);
  forgetPending(uploadId);
  return jobId;
};
