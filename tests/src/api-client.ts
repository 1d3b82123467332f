// A small client of mediaflow's public API for end-to-end tests: what a real caller does, over HTTP.
import fs from 'node:fs';
import type { UploadTicket } from '@mediaflow/api-types';

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  /** Uploads a file through the presigned URL(s) and completes it; resolves with the job id. */
  async uploadFile(file: string, contentType: string, profile = 'sd'): Promise<{ uploadId: string; jobId: string }> {
    const bytes = fs.readFileSync(file);
    const created = await this.call('POST', '/v1/uploads', { filename: file.split('/').pop(), contentType, size: bytes.length, profile });
    if (created.status !== 201) throw new Error(`POST /v1/uploads → ${created.status} ${JSON.stringify(created.body)}`);
    const ticket = created.body as UploadTicket;
    if (ticket.method === 'single') {
      const put = await fetch(ticket.url!, { method: 'PUT', headers: ticket.headers, body: bytes });
      if (!put.ok) throw new Error(`PUT → ${put.status} ${await put.text()}`);
    } else {
      for (const part of ticket.parts!) {
        const slice = bytes.subarray((part.partNumber - 1) * ticket.partSize!, part.partNumber * ticket.partSize!);
        const put = await fetch(part.url, { method: 'PUT', body: slice });
        if (!put.ok) throw new Error(`PUT part ${part.partNumber} → ${put.status}`);
      }
    }
    const done = await this.call('POST', `/v1/uploads/${ticket.uploadId}/complete`, {});
    if (done.status !== 200) throw new Error(`complete → ${done.status} ${JSON.stringify(done.body)}`);
    return { uploadId: ticket.uploadId, jobId: done.body.jobId as string };
  }

  /** Polls the job until it reaches one of `statuses`. */
  async waitForJob(jobId: string, statuses: readonly string[], timeoutMs = 120_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      last = (await this.call('GET', `/v1/jobs/${jobId}`)).body;
      if (statuses.includes(last?.status)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`job ${jobId} did not reach ${statuses.join('/')} in ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
  }
}
