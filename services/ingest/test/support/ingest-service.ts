// The ingest service as embedded mode runs it — createEmbeddedService with real SQLite store, SQLite
// bus, local disk and the blob endpoint — inside the real HTTP app on an ephemeral port. A stand-in
// subscriber records what reaches the bus through the outbox relay.
import type { RequestListener } from 'node:http';
import type { BusEnvelope } from '@mediaflow/contracts';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import type { ServiceInstance } from '@mediaflow/runtime';
import { createEmbeddedTestDeployment } from '@mediaflow/runtime/testing';
import { declareService } from '@mediaflow/topology';
import { createEmbeddedService } from '../../src/main/embedded';
import { JWT_SECRET, URL_SECRET } from './embedded-blob-server';

process.env.LOG_LEVEL ??= 'WARN';

/** Responses are checked with toMatchObject/toEqual; a loose type keeps the tests readable. */
 
export type LooseJson = Record<string, any>;
const MiB = 1024 * 1024;

/** Small limits so every branch is reachable with small bodies; multipart from 16 MiB in 5 MiB parts. */
const SERVICE_ENV: NodeJS.ProcessEnv = {
  MEDIAFLOW_UPLOAD_MAX_BYTES: String(64 * MiB),
  MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: String(16 * MiB),
  MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: String(5 * MiB),
  MEDIAFLOW_UPLOAD_URL_TTL_SECONDS: '600',
  MEDIAFLOW_UPLOAD_EXPIRY_SECONDS: '3600',
};

const subscriber = declareService({
  service: 'jobs',
  subscriptions: [
    { from: 'ingest', event: 'UploadCompleted', versions: [1] },
    { from: 'ingest', event: 'UploadFailed', versions: [1] },
  ],
  maxAttempts: 3,
  visibilityTimeoutSeconds: 30,
});

export const startIngestService = async (env: NodeJS.ProcessEnv = SERVICE_ENV) => {
  // Listen first: the URLs the service signs must name the port it is reachable at.
  let handler: RequestListener = (_req, res) => res.end();
  const server = await startHttpServer((req, res) => handler(req, res), {
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: 0,
    shutdownGraceMs: 500,
  });
  const deployment = createEmbeddedTestDeployment({ publicBaseUrl: server.url, secrets: { jwt: JWT_SECRET, urlSigning: URL_SECRET }, env, logLevel: 'WARN' });
  const { bus, dataDir: dir } = deployment;
  bus.provision(subscriber);
  const published: BusEnvelope[] = [];
  await bus.consumer(subscriber, { concurrency: 1 }).start(async (envelope) => void published.push(envelope));
  const service: ServiceInstance = await createEmbeddedService(deployment.shared);
  handler = createHttpApp({
    logger: createLogger('ingest-test'),
    routers: [...service.routers],
    auth: createTokenVerifier({ kind: 'hs256', secret: JWT_SECRET, adminClaim: 'roles' }),
    bodyLimit: '16kb',
    openapi: { title: 'ingest test', version: '1.0.0' },
  });
  await service.start();

  const tokenFor = (sub: string, ttlSeconds = 600) =>
    issueDevelopmentToken({ secret: JWT_SECRET, sub, ttlSeconds });
  const api = async (
    method: string,
    path: string,
    options: { token?: string | null; body?: unknown; rawBody?: string; sub?: string } = {},
  ) => {
    const token = options.token === undefined ? await tokenFor(options.sub ?? 'alice') : options.token;
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      headers: res.headers,
      json: (text ? JSON.parse(text) : undefined) as LooseJson,
    };
  };
  /** Waits for the relay to publish (it polls every 20 ms here). */
  const publishedFor = async (uploadId: string, timeoutMs = 5000): Promise<BusEnvelope[]> => {
    const deadline = Date.now() + timeoutMs;
    const mine = () =>
      published.filter((e) => (e.detail.data as { uploadId?: string }).uploadId === uploadId);
    while (mine().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return mine();
  };

  return {
    url: server.url,
    dir,
    api,
    tokenFor,
    published,
    publishedFor,
    close: async () => {
      await service.stop();
      await server.close();
      await deployment.dispose();
    },
  };
};

export type IngestService = Awaited<ReturnType<typeof startIngestService>>;

export const expectProblem = (
  res: { status: number; contentType: string; json: LooseJson },
  status: number,
  code: string,
): void => {
  expect({ status: res.status, code: res.json?.code }).toEqual({ status, code });
  expect(res.contentType).toMatch(/^application\/problem\+json/);
};
