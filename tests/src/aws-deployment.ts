// The four services with their AWS composition roots (DynamoDB, EventBridge + SQS, S3) in this test
// process, against the emulator at AWS_ENDPOINT_URL: a fresh env provisioned by the emulator bootstrap
// from the services' declarations, every router on one HTTP app on a free port, tokens for two owners.
// The one difference from production: processing runs its runners as local child processes (in AWS
// mode: S3 in, S3 out) because the emulator's ECS registers tasks but never runs them.
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import {
  createHttpApp,
  createTokenVerifier,
  issueDevelopmentToken,
  loadAuthConfig,
  startHttpServer,
} from '@mediaflow/http';
import { createAwsService as ingest } from '@mediaflow/ingest/aws';
import { createAwsService as jobs } from '@mediaflow/jobs/aws';
import { bootstrap, type BootstrapReport } from '@mediaflow/localstack';
import { serviceDeclarations } from '@mediaflow/service-registry';
import { createLogger } from '@mediaflow/logging';
import { createAwsService as notifications } from '@mediaflow/notifications/aws';
import { createAwsService as processing } from '@mediaflow/processing/aws';
import type { ServiceInstance } from '@mediaflow/runtime';
import { ApiClient } from './api-client';

export interface AwsTestDeployment {
  /** The API origin (also MEDIAFLOW_PUBLIC_URL, so output URLs point here). */
  readonly url: string;
  /** The emulator every adapter talks to. */
  readonly endpoint: string;
  readonly resources: BootstrapReport;
  readonly owner: ApiClient;
  readonly other: ApiClient;
  readonly ownerToken: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const secret = (): string => randomBytes(32).toString('base64url');

/** Starts the deployment; `env` adds or overrides service settings (e.g. MEDIAFLOW_RUNNER_CONCURRENCY). */
export const startAwsTestDeployment = async (
  env: Record<string, string> = {},
): Promise<AwsTestDeployment> => {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint)
    throw new Error(
      'AWS_ENDPOINT_URL is not set: run this through jest (the harness starts moto) or point it at an emulator',
    );
  const mediaflowEnv = `e${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const resources = await bootstrap(serviceDeclarations, mediaflowEnv);
  const url = `http://127.0.0.1:${await freePort()}`;
  const jwt = secret();
  // What the cdktf task definitions give each service, minus the JWKS URL: HS256 with a secret is the
  // same verifier code path (loadAuthConfig → createTokenVerifier) and needs no key server.
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    MEDIAFLOW_MODE: 'aws',
    MEDIAFLOW_ENV: mediaflowEnv,
    MEDIAFLOW_PUBLIC_URL: url,
    MEDIAFLOW_URL_SIGNING_SECRET: secret(),
    MEDIAFLOW_JWT_SECRET: jwt,
    MEDIAFLOW_JWKS_URL: undefined,
    MEDIAFLOW_WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'true',
    ...env,
  };
  const instances: ServiceInstance[] = [
    await ingest(serviceEnv),
    await jobs(serviceEnv),
    await processing(serviceEnv, { runnerDispatch: 'local' }),
    await notifications(serviceEnv),
  ];
  const app = createHttpApp({
    logger: createLogger('e2e-aws'),
    routers: instances.flatMap((i) => i.routers),
    auth: createTokenVerifier(loadAuthConfig(serviceEnv)),
    openapi: { title: 'mediaflow (AWS adapters, emulator)', version: '1.0.0' },
  });
  const server = await startHttpServer(app, {
    port: Number(new URL(url).port),
    host: '127.0.0.1',
    shutdownGraceMs: 500,
  });
  for (const instance of instances) await instance.start();
  const token = (sub: string) => issueDevelopmentToken({ secret: jwt, sub, ttlSeconds: 3600 });
  const ownerToken = await token('owner-a');
  return {
    url,
    endpoint,
    resources,
    ownerToken,
    owner: new ApiClient(url, ownerToken),
    other: new ApiClient(url, await token('owner-b')),
    stop: async () => {
      await server.close();
      for (const instance of [...instances].reverse()) await instance.stop();
    },
  };
};
