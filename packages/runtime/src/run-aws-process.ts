// The entrypoints of a service on AWS (the commands in cdktf/src/service-commands.ts): `api` serves
// the service's routers behind the load balancer; `worker` runs its relay, consumer and loops. Both
// build the same ServiceInstance; SIGTERM (ECS stop) stops them gracefully.
import { CorsSettingsSchema, createHttpApp, createTokenVerifier, loadAuthConfig, startHttpServer } from '@mediaflow/http';
import { asyncApiDocument } from '@mediaflow/contracts/asyncapi';
import { createLogger, type Logger } from '@mediaflow/logging';
import { z } from 'zod';
import { BaseEnvironmentSchema, intSetting, loadConfig, setting } from '@mediaflow/config';
import type { ServiceInstance } from './service-instance';

export const ApiProcessEnvironmentSchema = z.object({
  PORT: intSetting({ min: 1, max: 65535, default: 8080 }, 'AWS api task: the port it listens on'),
  HOST: setting(z.string(), 'AWS api task: the address it listens on').default('0.0.0.0'),
  ...CorsSettingsSchema.shape,
});

/**
 * The api process's app: the service's routers, the load balancer's health check, its OpenAPI document
 * (also at /openapi/<service>.json), the events' AsyncAPI catalog, auth and CORS from the environment.
 */
export const createApiApp = (instance: ServiceInstance, logger: Logger, env: NodeJS.ProcessEnv): ReturnType<typeof createHttpApp> => {
  const { MEDIAFLOW_CORS_ORIGINS: corsOrigins } = loadConfig(ApiProcessEnvironmentSchema, env);
  return createHttpApp({
    logger,
    routers: [
      ...instance.routers,
      // The load balancer's health check: the process is up and serving.
      { service: instance.service, routes: [], extra: (router) => router.get('/health', (_req, res) => res.json({ status: 'ok' })) },
    ],
    auth: createTokenVerifier(loadAuthConfig(env)),
    // Also at /openapi/<service>.json: the load balancer routes that path here, so the docs page can
    // list every service's document although /openapi.json reaches one service only.
    openapi: { title: `mediaflow ${instance.service}`, version: '1.0.0', service: instance.service },
    // The same catalog from every api: the load balancer routes /asyncapi.json to jobs, like /openapi.json.
    asyncapi: asyncApiDocument,
    ...(corsOrigins && corsOrigins.length > 0 ? { cors: { allowedOrigins: corsOrigins } } : {}),
  });
};

type AwsProcessKind = 'api' | 'worker';

/** `env` is the process environment, handed in by the entry file (src/main/http.ts or worker.ts). */
export const runAwsProcess = async (kind: AwsProcessKind, create: () => Promise<ServiceInstance>, env: NodeJS.ProcessEnv): Promise<void> => {
  const instance = await create();
  const logger = createLogger(instance.service, { process: kind }, loadConfig(BaseEnvironmentSchema, env).LOG_LEVEL);
  let stop: () => Promise<void>;
  if (kind === 'api') {
    const { PORT, HOST } = loadConfig(ApiProcessEnvironmentSchema, env);
    const app = createApiApp(instance, logger, env);
    const server = await startHttpServer(app, { port: PORT, host: HOST });
    logger.info('api listening', { port: server.port });
    stop = () => server.close();
  } else {
    await instance.start();
    stop = () => instance.stop();
  }
  const onSignal = (signal: string) => {
    logger.info('stopping', { signal });
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', { error: error as Error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
};
