// The jobs routers in a real HTTP app on an ephemeral port, over the real application (SQLite store
// and read model) and the real blob router, with HS256 tokens as `npm start` issues them.
import path from 'node:path';
import type { DeadLetters } from '@mediaflow/bus';
import { BlobUrlSigner, blobServiceRouter, createBlobRouter } from '@mediaflow/blob-http';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer, type HttpServerHandle } from '@mediaflow/http';
import { BlobHttpOutputUrls } from '../../src/adapters/http/blob-http-output-urls';
import { registerJobProblemCodes } from '../../src/adapters/http/job-problem-codes';
import { jobsRouter } from '../../src/adapters/http/jobs-router';
import { createJobsHarness, type JobsHarness } from './jobs-harness';

const SECRET = 'jobs-http-test-secret-0123456789abcdef';

export interface JobsHttp {
  readonly h: JobsHarness;
  readonly outputs: LocalDiskBlobStorage;
  readonly url: string;
  token(sub: string, admin?: boolean): Promise<string>;
   
  call(method: string, route: string, token?: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export const startJobsHttp = async (options: { deadLetters?: DeadLetters } = {}): Promise<JobsHttp> => {
  const h = createJobsHarness(options);
  const uploads = new LocalDiskBlobStorage({ root: path.join(h.dir, 'blobs', 'uploads') });
  const outputs = new LocalDiskBlobStorage({ root: path.join(h.dir, 'blobs', 'outputs') });
  registerJobProblemCodes();
  // The signer needs the URL the server gets; it reads it lazily.
  const origin = { url: '' };
  const signer = { signPrefix: (b: string, p: string, t: number) => new BlobUrlSigner({ secret: SECRET, baseUrl: origin.url }).signPrefix(b, p, t) };
  const blobRouter = createBlobRouter({ uploads, outputs, secret: SECRET, maxUploadBytes: 1024 });
  const app = createHttpApp({
    logger: h.logger,
    routers: [jobsRouter({ queries: h.queries, executor: h.executor, outputUrls: new BlobHttpOutputUrls(signer, 3600) }), blobServiceRouter(blobRouter)],
    auth: createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }),
    openapi: false,
  });
  const server: HttpServerHandle = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const url = server.url;
  origin.url = url;
  return {
    h,
    outputs,
    url,
    token: (sub, admin = false) => issueDevelopmentToken({ secret: SECRET, sub, admin, ttlSeconds: 600 }),
    call: async (method, route, token, body) => {
      const headers: Record<string, string> = { 'x-correlation-id': 'http-test-1' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(route.startsWith('http') ? route : `${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      const isJson = /json/.test(res.headers.get('content-type') ?? '');
      return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text };
    },
    close: async () => {
      await server.close();
      h.close();
    },
  };
};
