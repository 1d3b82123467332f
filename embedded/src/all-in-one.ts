// The embedded deployment: one SQLite bus for the process, the four services' instances, their
// routers on one HTTP app (with /openapi.json), started in order and stopped in reverse.
import net from 'node:net';
import path from 'node:path';
import { SqliteBus, validateWithContracts } from '@mediaflow/bus';
import { createHttpApp, createTokenVerifier, startHttpServer } from '@mediaflow/http';
import type { Logger } from '@mediaflow/logging';
import { embeddedPaths, type EmbeddedServiceFactory, type ServiceInstance } from '@mediaflow/runtime';
import { createEmbeddedService as ingest } from '@mediaflow/ingest/src/main/embedded';
import { createEmbeddedService as jobs } from '@mediaflow/jobs/src/main/embedded';
import { createEmbeddedService as processing } from '@mediaflow/processing/src/main/embedded';
import { createEmbeddedService as notifications } from '@mediaflow/notifications/src/main/embedded';
import { embeddedSecrets, type EmbeddedConfig, type EmbeddedSecrets } from './embedded-config';

const factories: readonly EmbeddedServiceFactory[] = [ingest, jobs, processing, notifications];

const freePort = (host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export interface RunningDeployment {
  readonly url: string;
  readonly port: number;
  readonly secrets: EmbeddedSecrets;
  stop(): Promise<void>;
}

export const startAllInOne = async (config: EmbeddedConfig, logger: Logger): Promise<RunningDeployment> => {
  const dataDir = path.resolve(config.MEDIAFLOW_DATA_DIR);
  const resolved = { ...config, MEDIAFLOW_DATA_DIR: dataDir };
  const secrets = embeddedSecrets(resolved);
  const bus = new SqliteBus({ file: embeddedPaths(dataDir).bus, validate: validateWithContracts });
  // Services hand out absolute URLs, so the port is chosen before they are built (PORT=0: a free one).
  const port = config.PORT === 0 ? await freePort(config.HOST) : config.PORT;
  const publicBaseUrl = config.MEDIAFLOW_PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  const instances: ServiceInstance[] = [];
  const routers = [];
  for (const create of factories) {
    const instance = await create({ config: resolved, bus, publicBaseUrl, secrets });
    instances.push(instance);
    routers.push(...instance.routers);
  }
  const app = createHttpApp({
    logger,
    routers,
    auth: createTokenVerifier({ kind: 'hs256', secret: secrets.jwt, adminClaim: 'roles' }),
    bodyLimit: '1mb',
    openapi: { title: 'mediaflow', version: '1.0.0', description: 'Uploads, jobs and notifications of the mediaflow media-processing backend.' },
  });
  // Large uploads stream for longer than Node's default request timeout.
  const server = await startHttpServer(app, { port, host: config.HOST, requestTimeoutMs: 0 });
  for (const instance of instances) await instance.start();
  logger.info('mediaflow embedded started', { url: server.url, dataDir, services: instances.map((i) => i.service) });
  return {
    url: publicBaseUrl,
    port: server.port,
    secrets,
    stop: async () => {
      await server.close();
      for (const instance of [...instances].reverse()) await instance.stop();
      await bus.close();
    },
  };
};
