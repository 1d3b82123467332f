// Requests over node:http(s) with keep-alive agents, for the API's JSON calls and the upload's PUTs.
// Not fetch: Node's fetch (undici) costs ~25–40 ms to load on first use, and a streamed body goes
// through web streams, which copy every chunk (cloneAsUint8Array) on its way to the socket. A CLI
// upload of 64 MiB spent ~0.15 s of CPU there (node --cpu-prof); here a file range is piped from a
// read stream to the socket. Free sockets of the agents are unref'd: they never hold the process.
import type { Agent, IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import http from 'node:http';
import type { Readable } from 'node:stream';

export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: IncomingHttpHeaders;
  /** The whole body as UTF-8 (read as it arrives: the API's answers are small). */
  text(): Promise<string>;
}

interface HttpRequestInit {
  readonly method: string;
  readonly headers?: OutgoingHttpHeaders;
  /** A string or buffer, or a stream piped into the request (give its content-length in headers). */
  readonly body?: string | Buffer | Readable;
  readonly signal?: AbortSignal;
}

/** Sockets per origin: the upload sends 4 parts at a time, plus the API call beside them. */
const MAX_SOCKETS = 8;
let httpAgent: Agent | undefined;
let httpsAgent: Agent | undefined;

const agentFor = async (protocol: string): Promise<{ agent: Agent; request: typeof http.request }> => {
  if (protocol === 'http:') {
    httpAgent ??= new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
    return { agent: httpAgent, request: http.request };
  }
  // TLS is loaded only for an https URL (the embedded server is plain http).
  const https = await import('node:https');
  httpsAgent ??= new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  return { agent: httpsAgent, request: https.request as typeof http.request };
};

const answerOf = (res: IncomingMessage): HttpAnswer => {
  const body = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
  // A body nobody asks for must not reject unhandled.
  body.catch(() => undefined);
  return { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, text: () => body };
};

/**
 * Sends one request and resolves with the answer once its headers are in; its body is read as it
 * comes (text() gives it), so the socket goes back to the pool either way. A network failure
 * rejects with node's error (its `code`: ECONNREFUSED, ECONNRESET…); an abort with an AbortError.
 */
export const httpRequest = async (url: string, init: HttpRequestInit, redirects = 0): Promise<HttpAnswer> => {
  const answer = await send(url, init);
  const location = answer.headers.location;
  // Followed as fetch did (a proxy or load balancer may send the API elsewhere), except with a
  // streamed body, which cannot be sent twice (fetch could not either).
  if (!REDIRECTS.includes(answer.status) || location === undefined || redirects >= MAX_REDIRECTS || isStream(init.body))
    return answer;
  const next = new URL(location, url);
  const keepsMethod = answer.status === 307 || answer.status === 308 || init.method === 'GET' || init.method === 'HEAD';
  const headers: OutgoingHttpHeaders = { ...init.headers };
  // Like fetch: the token is not handed to another origin, and a body turned into a GET goes.
  if (next.origin !== new URL(url).origin) delete headers.authorization;
  if (!keepsMethod) delete headers['content-type'];
  return httpRequest(
    next.href,
    keepsMethod ? { ...init, headers } : { method: 'GET', headers, ...(init.signal && { signal: init.signal }) },
    redirects + 1,
  );
};

const REDIRECTS = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;
const isStream = (body: HttpRequestInit['body']): body is Readable =>
  body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);

const send = async (url: string, init: HttpRequestInit): Promise<HttpAnswer> => {
  const target = new URL(url);
  const { agent, request } = await agentFor(target.protocol);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const { body } = init;
    const headers: OutgoingHttpHeaders = { ...init.headers };
    if (typeof body === 'string' || Buffer.isBuffer(body)) headers['content-length'] = Buffer.byteLength(body);
    const req = request(target, { method: init.method, headers, agent, ...(init.signal && { signal: init.signal }) }, (res) => {
      resolve(answerOf(res));
    });
    req.on('error', reject);
    if (!isStream(body)) {
      req.end(body);
      return;
    }
    body.on('error', (error) => req.destroy(error));
    // A request cut off (aborted, refused early, the connection lost) stops reading its body.
    req.on('close', () => {
      if (!body.readableEnded) body.destroy();
    });
    body.pipe(req);
  });
};
