// The embedded deployment: one SQLite bus for the process, the four services' instances, their
// routers on one HTTP app (with /openapi.json and /asyncapi.json), started in order and stopped in reverse.
import net from 'node:net';
import path from 'node:path';
import express from 'express';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { validateWithContracts } from '@mediaflow/bus';
import { asyncApiDocument } from '@mediaflow/contracts/asyncapi';
import { createHttpApp, createTokenVerifier, issueDevelopmentToken, startHttpServer } from '@mediaflow/http';
import type { Logger } from '@mediaflow/logging';
import { busRetentionPruner, embeddedPaths, type ServiceInstance } from '@mediaflow/runtime';
import { embeddedServiceFactories } from '@mediaflow/service-registry/embedded';
import { profileNames } from '@mediaflow/media-planning';
import { ensureWebBuild, webDistDir, webRouter } from '@mediaflow/web';
import { embeddedSecrets, type EmbeddedSecrets, type EmbeddedSettings } from './embedded-config';

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
const webUi = (settings: EmbeddedSettings, secrets: EmbeddedSecrets, env: NodeJS.ProcessEnv) => {
  ensureWebBuild(env);
  const offerToken = settings.uiDevToken === 'on' || (settings.uiDevToken === 'auto' && LOOPBACK.has(settings.host));
  return webRouter({
    distDir: webDistDir(env),
    config: async () => ({
      apiUrl: '',
      mode: 'embedded' as const,
      profiles: profileNames(),
      ...(offerToken && { devToken: await issueDevelopmentToken({ secret: secrets.jwt, sub: settings.devOwner, admin: true, ttlSeconds: 24 * 3600 }) }),
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

/** `env` is what `settings` were loaded from: the services read their own settings from it too. */
export const startAllInOne = async (settings: EmbeddedSettings, logger: Logger, env: NodeJS.ProcessEnv): Promise<RunningDeployment> => {
  const dataDir = path.resolve(settings.infrastructure.dataDir);
  const infrastructure = { ...settings.infrastructure, dataDir };
  const secrets = embeddedSecrets(settings, dataDir);
  const bus = new SqliteBus({ file: embeddedPaths(dataDir).bus, validate: validateWithContracts });
  // Services hand out absolute URLs, so the port is chosen before they are built (PORT=0: a free one).
  const port = settings.port === 0 ? await freePort(settings.host) : settings.port;
  const publicBaseUrl = settings.publicUrl ?? `http://${settings.host}:${port}`;
  const instances: ServiceInstance[] = [];
  const routers = [];
  for (const create of embeddedServiceFactories) {
    const instance = await create({ config: infrastructure, bus, publicBaseUrl, secrets, env: { ...env, MEDIAFLOW_DATA_DIR: dataDir } });
    instances.push(instance);
    routers.push(...instance.routers);
  }
  const app = createHttpApp({
    logger,
    routers,
    auth: createTokenVerifier({
      kind: 'hs256',
      secret: secrets.jwt,
      ...(secrets.previousJwt !== undefined && { previousSecrets: [secrets.previousJwt] }),
      adminClaim: 'roles',
    }),
    bodyLimit: '1mb',
    openapi: { title: 'mediaflow', version: '1.0.0', description: 'Uploads, jobs and notifications of the mediaflow media-processing backend.' },
    asyncapi: asyncApiDocument,
    ...(settings.corsOrigins?.length ? { cors: { allowedOrigins: settings.corsOrigins } } : {}),
  });
  // The UI answers only its own paths (files, its routes, /config.json); the rest goes to the API.
  const site = express().disable('x-powered-by').use(webUi(settings, secrets, env), app);
  // Large uploads stream for longer than Node's default request timeout.
  const server = await startHttpServer(site, { port, host: settings.host, requestTimeoutMs: 0 });
  for (const instance of instances) await instance.start();
  // Every subscriber is registered by now, so the bus log's pruning sees all their checkpoints.
  const busPruner = busRetentionPruner(bus, { settings: infrastructure, logger });
  busPruner.start();
  logger.info('mediaflow embedded started', { url: server.url, dataDir, services: instances.map((i) => i.service) });
  return {
    url: publicBaseUrl,
    port: server.port,
    secrets,
    devOwner: settings.devOwner,
    stop: async () => {
      await server.close();
      await busPruner.stop();
      for (const instance of [...instances].reverse()) await instance.stop();
      await bus.close();
    },
  };
};
