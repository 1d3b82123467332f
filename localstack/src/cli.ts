// `npm run bootstrap -w @mediaflow/localstack`: provisions every service on AWS_ENDPOINT_URL
// (LocalStack, MiniStack, moto) — or on the real account when it is unset — and prints what it made.
import { loadConfig, BaseEnvironmentSchema } from '@mediaflow/config';
import { createLogger } from '@mediaflow/logging';
import { bootstrap } from './bootstrap';
import { serviceDeclarations } from '@mediaflow/service-registry';

const logger = createLogger('bootstrap');

const main = async (): Promise<void> => {
  const config = loadConfig(BaseEnvironmentSchema);
  logger.info('bootstrapping', { endpoint: config.AWS_ENDPOINT_URL ?? 'AWS (no AWS_ENDPOINT_URL)', env: config.MEDIAFLOW_ENV });
  const report = await bootstrap(serviceDeclarations, config.MEDIAFLOW_ENV);
  logger.info('bootstrapped', { report });
};

main().catch((error: unknown) => {
  logger.error('bootstrap failed', { error });
  process.exitCode = 1;
});
