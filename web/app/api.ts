// The browser's client of the mediaflow REST API: bearer token, JSON in and out, and every error
// answer (application/problem+json) turned into an ApiError with its stable `code`.
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
}

export class ApiError extends Error implements Problem {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

// The API's JSON, typed from the services' own schemas (packages/api-types): a changed answer fails
// this build's type-check.
import type { AdminStats, CreatedWebhook, HistoryEntry, Job, JobPage, UploadResource, UploadTicket, Webhook, WebhookDetail } from '@mediaflow/api-types';

export type * from '@mediaflow/api-types';

const problemOf = async (res: Response): Promise<ApiError> => {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return new ApiError(
      res.status,
      body.code ?? `HTTP_${res.status}`,
      body.title ?? res.statusText,
      body.detail,
    );
  } catch {
    return new ApiError(
      res.status,
      `HTTP_${res.status}`,
      res.statusText || 'Request failed',
      text.slice(0, 200) || undefined,
    );
  }
};

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK_ERROR', 'The API cannot be reached', (error as Error).message);
    }
    if (!res.ok) throw await problemOf(res);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createUpload(body: { filename: string; contentType: string; size: number; profile: string }) {
    return this.request<UploadTicket>('POST', '/v1/uploads', body);
  }
  getUpload(uploadId: string) {
    return this.request<UploadResource>('GET', `/v1/uploads/${encodeURIComponent(uploadId)}`);
  }
  /**
   * A server that completes uploads as soon as their bytes are stored (MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE)
   * has already done so: its 409 UPLOAD_ALREADY_COMPLETED is success, and the upload names the job.
   */
  async completeUpload(uploadId: string, parts?: Array<{ partNumber: number; etag: string }>): Promise<{ jobId: string }> {
    try {
      return await this.postComplete(uploadId, parts);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UPLOAD_ALREADY_COMPLETED') throw error;
      const { jobId } = await this.getUpload(uploadId);
      if (!jobId) throw error;
      return { jobId };
    }
  }
  private postComplete(uploadId: string, parts?: Array<{ partNumber: number; etag: string }>) {
    return this.request<{ jobId: string }>(
      'POST',
      `/v1/uploads/${encodeURIComponent(uploadId)}/complete`,
      parts ? { parts } : {},
    );
  }
  abortUpload(uploadId: string) {
    return this.request<unknown>('POST', `/v1/uploads/${encodeURIComponent(uploadId)}/abort`);
  }
  listJobs(query: { status?: string; cursor?: string; limit?: number } = {}) {
    const params = new URLSearchParams(
      Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    const qs = params.toString();
    return this.request<JobPage>('GET', `/v1/jobs${qs ? `?${qs}` : ''}`);
  }
  getJob(jobId: string) {
    return this.request<Job>('GET', `/v1/jobs/${encodeURIComponent(jobId)}`);
  }
  jobHistory(jobId: string) {
    return this.request<{ jobId: string; events: HistoryEntry[] }>(
      'GET',
      `/v1/jobs/${encodeURIComponent(jobId)}/events`,
    );
  }
  cancelJob(jobId: string) {
    return this.request<void>('POST', `/v1/jobs/${encodeURIComponent(jobId)}/cancel`, {});
  }
  retryJob(jobId: string) {
    return this.request<void>('POST', `/v1/jobs/${encodeURIComponent(jobId)}/retry`);
  }
  listWebhooks() {
    return this.request<{ items: Webhook[] }>('GET', '/v1/webhooks');
  }
  getWebhook(id: string) {
    return this.request<WebhookDetail>('GET', `/v1/webhooks/${encodeURIComponent(id)}`);
  }
  createWebhook(body: { url: string; eventTypes?: string[]; description?: string }) {
    return this.request<CreatedWebhook>('POST', '/v1/webhooks', body);
  }
  deleteWebhook(id: string) {
    return this.request<void>('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`);
  }
  enableWebhook(id: string) {
    return this.request<Webhook>('POST', `/v1/webhooks/${encodeURIComponent(id)}/enable`);
  }
  adminStats() {
    return this.request<AdminStats>('GET', '/v1/admin/stats');
  }
  /** The live event stream; EventSource cannot send headers, so the token goes in the query. */
  eventsUrl(jobId?: string): string {
    const params = new URLSearchParams({ access_token: this.token, ...(jobId ? { jobId } : {}) });
    return `${this.baseUrl}/v1/events?${params.toString()}`;
  }
}
