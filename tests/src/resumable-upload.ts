// An upload the way a careful client does it across server restarts: each step (create, PUT the
// bytes, complete) is retried while the server is unreachable or answers 5xx, the upload it already
// created is kept, and a completion whose answer was lost is recognised (409 UPLOAD_ALREADY_COMPLETED,
// then GET tells the job id). Single-part tickets only: the test clips are small.
import fs from 'node:fs';
import type { UploadTicket } from '@mediaflow/api-types';
import type { ApiClient } from './api-client';

export interface ResumableUploadOptions {
  readonly contentType: string;
  readonly profile: string;
  /** Give up after this long in all. */
  readonly timeoutMs: number;
  /** Called each time a step is tried again (for the test's figures). */
  readonly onRetry?: (step: string) => void;
}

class Retry extends Error {}

/** Runs `step` until it returns; network errors and Retry mean "the server is away, try again". */
const untilDone = async <T>(step: string, deadline: number, options: ResumableUploadOptions, run: () => Promise<T>): Promise<T> => {
  for (;;) {
    try {
      return await run();
    } catch (error) {
      // fetch fails with a TypeError when it cannot connect or the connection drops mid-answer ("terminated").
      const away = error instanceof Retry || (error as Error | undefined)?.name === 'TypeError'; // by name: fetch's realm is not jest's
      if (!away || Date.now() > deadline) throw error;
      options.onRetry?.(step);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
};

const answered = (what: string, status: number, body: unknown): never => {
  if (status >= 500) throw new Retry(`${what} → ${status}`);
  throw new Error(`${what} → ${status} ${JSON.stringify(body)}`);
};

export const resumableUpload = async (
  api: ApiClient,
  file: string,
  options: ResumableUploadOptions,
): Promise<{ uploadId: string; jobId: string }> => {
  const deadline = Date.now() + options.timeoutMs;
  const bytes = fs.readFileSync(file);
  const ticket = await untilDone('create', deadline, options, async () => {
    const created = await api.call('POST', '/v1/uploads', {
      filename: file.split('/').pop(),
      contentType: options.contentType,
      size: bytes.length,
      profile: options.profile,
    });
    if (created.status !== 201) answered('POST /v1/uploads', created.status, created.body);
    const t = created.body as UploadTicket;
    if (t.method !== 'single') throw new Error(`expected a single-part ticket for ${bytes.length} bytes`);
    return t;
  });
  await untilDone('put', deadline, options, async () => {
    const put = await fetch(ticket.url!, { method: 'PUT', headers: ticket.headers, body: bytes });
    if (!put.ok) answered('PUT', put.status, await put.text());
  });
  const jobId = await untilDone('complete', deadline, options, async () => {
    const done = await api.call('POST', `/v1/uploads/${ticket.uploadId}/complete`, {});
    if (done.status === 200) return done.body.jobId as string;
    if (done.status !== 409 || done.body?.code !== 'UPLOAD_ALREADY_COMPLETED') answered('complete', done.status, done.body);
    const upload = await api.call('GET', `/v1/uploads/${ticket.uploadId}`);
    if (upload.status === 200 && !upload.body?.jobId) throw new Retry('the completed upload does not name its job yet');
    if (upload.status !== 200) answered('GET upload', upload.status, upload.body);
    return upload.body.jobId as string;
  });
  return { uploadId: ticket.uploadId, jobId };
};
