// The processing worker process on AWS (the command in cdktf/src/service-commands.ts: dist/main/worker.js).
import { createLogger } from '@mediaflow/logging';
import { runAwsProcess } from '@mediaflow/runtime';
import { createAwsService } from './aws';

runAwsProcess('worker', () => createAwsService(process.env), process.env).catch((error: unknown) => {
  createLogger('processing', { process: 'worker' }).critical('failed to start', { error: error as Error });
  process.exit(1);
});
