// The processing worker process on AWS (cdktf service-commands: dist/main/worker.js): the service
// with AWS adapters, stopped gracefully on SIGTERM (ECS) or SIGINT.
import { createLogger } from '@mediaflow/logging';
import { createAwsService } from './aws';

const logger = createLogger('processing', { component: 'worker' });

const main = async (): Promise<void> => {
  const service = await createAwsService();
  await service.start();
  logger.info('processing worker started');
  const stop = (signal: string): void => {
    logger.info('processing worker stopping', { signal });
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('graceful stop failed', { error: error as Error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
};

main().catch((error: unknown) => {
  logger.critical('processing worker failed to start', { error: error as Error });
  process.exit(1);
});
