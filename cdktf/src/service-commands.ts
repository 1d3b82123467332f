// The one place that says what each service process runs. One image serves every service and is
// told apart by the command; the runner image (ffmpeg + Node) serves the processing runner and the
// processing worker, which needs ffprobe. docker/bundle-entrypoints.mjs turns every file of
// services/<name>/src/main/ into services/<name>/dist/main/<same name>.js (`npx tsx` runs the source).
import type { ServiceName } from '@mediaflow/contracts';
import type { ProcessKind } from './naming/infra-names';

export type ImageName = 'services' | 'runner';

export interface ProcessCommand {
  readonly image: ImageName;
  readonly command: readonly string[];
}

type ServiceCommands = Partial<Record<ProcessKind, ProcessCommand>>;

const run = (image: ImageName, service: ServiceName, entrypoint: string): ProcessCommand => ({
  image,
  command: ['node', `services/${service}/dist/main/${entrypoint}.js`],
});

// api: the express app behind the load balancer. worker: the inbox consumer and the outbox relay.
export const serviceCommands: Record<ServiceName, ServiceCommands> = {
  ingest: { api: run('services', 'ingest', 'http'), worker: run('services', 'ingest', 'worker') },
  jobs: { api: run('services', 'jobs', 'http'), worker: run('services', 'jobs', 'worker') },
  // warm-runner: the runner's image and use case, taking attempts from a queue (a warm floor above 0 only).
  processing: {
    worker: run('runner', 'processing', 'worker'),
    runner: run('runner', 'processing', 'runner'),
    'warm-runner': run('runner', 'processing', 'warm-runner'),
  },
  notifications: { api: run('services', 'notifications', 'http'), worker: run('services', 'notifications', 'worker') },
};
