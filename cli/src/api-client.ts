// The mediaflow API: JSON calls over node:http (http-transport.ts), the event stream over fetch. JSON
// in and out, the bearer token, problem+json answers turned into ApiProblem and "nothing answers"
// into ApiUnreachable, so every command reports errors one way.
import { ApiProblem, ApiUnreachable } from './cli-errors';
import { httpRequest } from './http-transport';

interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
}

/** An answer as problemOf reads it: fetch's Response and http-transport's HttpAnswer both are. */
interface ErrorAnswer {
  readonly status: number;
  readonly statusText: string;
  text(): Promise<string>;
}

/** The network error code (node:http gives it, fetch hides it in `cause`: ECONNREFUSED, ENOTFOUND…), or the message. */
export const networkReason = (error: unknown): string => {
  const { code, cause } = error as { code?: unknown; cause?: { code?: string; message?: string } };
  if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
};

const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

/** Reads an error answer: problem+json gives code and detail; anything else its status and text. */
export const problemOf = async (res: ErrorAnswer): Promise<ApiProblem> => {
  const text = await res.text().catch(() => '');
  let body: { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown; correlationId?: unknown } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    body = { detail: text.slice(0, 300) };
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP_${res.status}`;
  const detail = [body.detail, body.title].find((v): v is string => typeof v === 'string' && v.length > 0) ?? (res.statusText || `status ${res.status}`);
  const issues = Array.isArray(body.errors) ? (body.errors as { in?: string; path?: string; message?: string }[]) : [];
  const extra = issues.map((i) => `  - ${[i.in, i.path].filter(Boolean).join(' ')}: ${i.message ?? ''}`);
  if (res.status >= 500 && typeof body.correlationId === 'string') extra.push(`  (correlation id ${body.correlationId})`);
  return new ApiProblem(res.status, code, detail, extra);
};

export class MediaflowApi {
  constructor(
    readonly apiUrl: string,
    private readonly token: string | undefined,
  ) {}

  url(path: string): string {
    return new URL(path, `${this.apiUrl.replace(/\/+$/, '')}/`).href;
  }

  authHeaders(): Record<string, string> {
    return this.token === undefined ? {} : { authorization: `Bearer ${this.token}` };
  }

  /** fetch with the token; a network failure becomes ApiUnreachable naming the API URL. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(this.url(path), { ...init, headers: { ...this.authHeaders(), ...(init.headers as Record<string, string> | undefined) } });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiUnreachable(this.apiUrl, networkReason(error));
    }
  }

  /** A JSON call; any status outside `expected` (default: 2xx) throws the server's problem. */
  async call<T>(method: string, path: string, body?: unknown, expected?: readonly number[]): Promise<ApiResponse<T>> {
    let res;
    try {
      res = await httpRequest(this.url(path), {
        method,
        headers: { ...this.authHeaders(), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiUnreachable(this.apiUrl, networkReason(error));
    }
    const ok = expected ? expected.includes(res.status) : res.status >= 200 && res.status < 300;
    if (!ok) throw await problemOf(res);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path).then((r) => r.body);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body ?? {}).then((r) => r.body);
  }
}
