// The embedded deployment: one SQLite bus for the process, the four services' instances, their
// routers on one HTTP app (with /openapi.json), started in order and stopped in reverse.
import net from 'node:net';
import path from 'node:path';
import express from 'express';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { validateWithContracts } from '@mediaflow/bus';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer } from '@mediaflow/http';
import type { Logger } from '@mediaflow/logging';
import { embeddedPaths, type ServiceInstance } from '@mediaflow/runtime';
import { embeddedServiceFactories } from '@mediaflow/service-registry/embedded';
import { profileNames } from '@mediaflow/media-planning';
import { ensureWebBuild, webDistDir, webRouter } from '@mediaflow/web';
import { embeddedSecrets, type EmbeddedConfig, type EmbeddedSecrets } from './embedded-config';

const freePort = (host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The web UI on the API's port; the sign-in page gets a fresh development token on loopback. */
const webUi = (config: EmbeddedConfig, secrets: EmbeddedSecrets, env: NodeJS.ProcessEnv) => {
  ensureWebBuild(env);
  const offerToken = config.MEDIAFLOW_UI_DEV_TOKEN === 'on' || (config.MEDIAFLOW_UI_DEV_TOKEN === 'auto' && LOOPBACK.has(config.HOST));
  return webRouter({
    distDir: webDistDir(env),
    config: async () => ({
      apiUrl: '',
      mode: 'embedded' as const,
      profiles: profileNames(),
      ...(offerToken && { devToken: await issueDevelopmentToken({ secret: secrets.jwt, sub: config.MEDIAFLOW_DEV_OWNER, admin: true, ttlSeconds: 24 * 3600 }) }),
    }),
  });
};

export interface RunningDeployment {
  readonly url: string;
  readonly port: number;
  readonly secrets: EmbeddedSecrets;
  /** The owner of the development token (MEDIAFLOW_DEV_OWNER) the UI offers on loopback. */
  readonly devOwner: string;
  stop(): Promise<void>;
}

/** `env` is what `config` was loaded from: the services read their own settings from it too. */
export const startAllInOne = async (config: EmbeddedConfig, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<RunningDeployment> => {
  const dataDir = path.resolve(config.MEDIAFLOW_DATA_DIR);
  const resolved = { ...config, MEDIAFLOW_DATA_DIR: dataDir };
  const secrets = embeddedSecrets(resolved);
  const bus = new SqliteBus({ file: embeddedPaths(dataDir).bus, validate: validateWithContracts });
  // Services hand out absolute URLs, so the port is chosen before they are built (PORT=0: a free one).
  const port = config.PORT === 0 ? await freePort(config.HOST) : config.PORT;
  const publicBaseUrl = config.MEDIAFLOW_PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  const instances: ServiceInstance[] = [];
  const routers = [];
  for (const create of embeddedServiceFactories) {
    const instance = await create({ config: resolved, bus, publicBaseUrl, secrets, env: { ...env, MEDIAFLOW_DATA_DIR: dataDir } });
    instances.push(instance);
    routers.push(...instance.routers);
  }
  const app = createHttpApp({
    logger,
    routers,
    auth: createTokenVerifier({ kind: 'hs256', secret: secrets.jwt, adminClaim: 'roles' }),
    bodyLimit: '1mb',
    openapi: { title: 'mediaflow', version: '1.0.0', description: 'Uploads, jobs and notifications of the mediaflow media-processing backend.' },
    ...(config.MEDIAFLOW_CORS_ORIGINS?.length ? { cors: { allowedOrigins: config.MEDIAFLOW_CORS_ORIGINS } } : {}),
  });
  // The UI answers only its own paths (files, its routes, /config.json); the rest goes to the API.
  const site = express().disable('x-powered-by').use(webUi(config, secrets, env), app);
  // Large uploads stream for longer than Node's default request timeout.
  const server = await startHttpServer(site, { port, host: config.HOST, requestTimeoutMs: 0 });
  for (const instance of instances) await instance.start();
  logger.info('mediaflow embedded started', { url: server.url, dataDir, services: instances.map((i) => i.service) });
  return {
    url: publicBaseUrl,
    port: server.port,
    secrets,
    devOwner: config.MEDIAFLOW_DEV_OWNER,
    stop: async () => {
      await server.close();
      for (const instance of [...instances].reverse()) await instance.stop();
      await bus.close();
    },
  };
};
