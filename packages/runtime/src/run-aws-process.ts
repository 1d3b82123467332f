// The entrypoints of a service on AWS (the commands in cdktf/src/service-commands.ts): `api` serves
// the service's routers behind the load balancer; `worker` runs its relay, consumer and loops. Both
// build the same ServiceInstance; SIGTERM (ECS stop) stops them gracefully.
import { createHttpApp, createTokenVerifier, loadAuthConfig, startHttpServer } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { z } from 'zod';
import { loadConfig } from '@mediaflow/config';
import type { ServiceInstance } from './service-instance';

const ProcessEnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
});

export type AwsProcessKind = 'api' | 'worker';

export const runAwsProcess = async (kind: AwsProcessKind, create: () => Promise<ServiceInstance>): Promise<void> => {
  const instance = await create();
  const logger = createLogger(instance.service, { process: kind });
  let stop: () => Promise<void>;
  if (kind === 'api') {
    const { PORT, HOST } = loadConfig(ProcessEnvironmentSchema);
    const app = createHttpApp({
      logger,
      routers: [
        ...instance.routers,
        // The load balancer's health check: the process is up and serving.
        { service: instance.service, routes: [], extra: (router) => router.get('/health', (_req, res) => res.json({ status: 'ok' })) },
      ],
      auth: createTokenVerifier(loadAuthConfig()),
      openapi: { title: `mediaflow ${instance.service}`, version: '1.0.0' },
    });
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
