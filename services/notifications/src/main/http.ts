// The notifications api process on AWS (the command in cdktf/src/service-commands.ts: dist/main/http.js).
import { createLogger } from '@mediaflow/logging';
import { runAwsProcess } from '@mediaflow/runtime';
import { createAwsService } from './aws';

runAwsProcess('api', () => createAwsService(process.env), process.env).catch((error: unknown) => {
  createLogger('notifications', { process: 'api' }).critical('failed to start', { error: error as Error });
  process.exit(1);
});
