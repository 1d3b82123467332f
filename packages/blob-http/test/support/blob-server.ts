// Starts the blob router inside the real @mediaflow/http app on an ephemeral port, over two
// local-disk storages in a temp folder, and gives tests a signer for the same secret.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Router } from 'express';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { createHttpApp, createTokenVerifier, startHttpServer, type HttpServerHandle } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import {
  blobServiceRouter,
  BlobUrlSigner,
  createBlobRouter,
  LocalMultipartStore,
  type BlobRouterOptions,
} from '../../src';

// Access-log lines for every request would bury the test report.
process.env.LOG_LEVEL ??= 'WARN';

export const SECRET = 'blob-http-test-secret-0123456789abcdef';

export interface BlobServer {
  readonly url: string;
  readonly uploads: LocalDiskBlobStorage;
  readonly outputs: LocalDiskBlobStorage;
  readonly multipart: LocalMultipartStore;
  readonly signer: BlobUrlSigner;
  close(): Promise<void>;
}

export const startApp = async (router: Router): Promise<HttpServerHandle> => {
  const app = createHttpApp({
    logger: createLogger('blob-http-test'),
    routers: [blobServiceRouter(router)],
    auth: createTokenVerifier({ kind: 'hs256', secret: SECRET, adminClaim: 'roles' }),
    openapi: false,
  });
  return startHttpServer(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 0, shutdownGraceMs: 500 });
};

export const startBlobServer = async (
  overrides: Partial<BlobRouterOptions> & { minPartSize?: number } = {},
): Promise<BlobServer> => {
  const dir = await mkdtemp(join(tmpdir(), 'blob-http-'));
  const uploads = new LocalDiskBlobStorage({ root: join(dir, 'uploads') });
  const outputs = new LocalDiskBlobStorage({ root: join(dir, 'outputs') });
  const multipart = new LocalMultipartStore(uploads, { minPartSize: overrides.minPartSize ?? 1024 });
  const router = createBlobRouter({
    uploads,
    outputs,
    secret: SECRET,
    maxUploadBytes: 200 * 1024 * 1024,
    multipart,
    ...overrides,
  });
  const server = await startApp(router);
  return {
    url: server.url,
    uploads,
    outputs,
    multipart,
    signer: new BlobUrlSigner({ secret: SECRET, baseUrl: server.url }),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * A request with the path sent exactly as written: fetch (WHATWG URL) would resolve "..", "%2e%2e"
 * and backslashes before sending, hiding what a hostile client can really put on the wire.
 */
export const rawRequest = (
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {},
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request(
      { hostname, port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer (and close) before it read everything we send: that is the point of some tests.
    req.on('error', (error: NodeJS.ErrnoException) =>
      ['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error),
    );
    for (const chunk of init.chunks ?? []) req.write(chunk);
    req.end();
  });

export const problemOf = (body: string): { code: string; status: number } =>
  JSON.parse(body) as { code: string; status: number };
