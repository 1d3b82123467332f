// processing in the embedded all-in-one: the runtime's SQLite/local-disk infrastructure, a
// child-process runner pool, the active-transcodes index in `<data>/processing.read.sqlite`, and
// the watchdog.
import path from 'node:path';
import { ContainerModule } from 'inversify';
import {
  bindTyped,
  createServiceContainer,
  embeddedInfrastructure,
  resolve,
  TOKENS,
  type EmbeddedShared,
  type ServiceInstance,
} from '@mediaflow/runtime';
import { ChildProcessRunnerDispatcher } from '../adapters/local/child-process-runner-dispatcher';
import { SqliteActiveTranscodes } from '../adapters/local/sqlite-active-transcodes';
import type { MediaProber } from '../ports/media-prober';
import { processingDeclaration } from '../subscriptions';
import { loadProcessingSettings, type ProcessingSettings } from './processing-config';
import { processingInstance, processingModule } from './processing-module';
import { PROCESSING_TOKENS } from './processing-tokens';

interface EmbeddedProcessingOptions {
  /** Settings instead of the environment's (tests: a tiny stall time, concurrency 1). */
  readonly settings?: Partial<ProcessingSettings>;
  /** Where runners' logs go (tests: 'ignore'). */
  readonly runnerStdio?: 'inherit' | 'ignore';
  readonly prober?: MediaProber;
}

const processingReadModelFile = (dataDir: string): string => path.join(dataDir, 'processing.read.sqlite');

export const createEmbeddedService = async (shared: EmbeddedShared, options: EmbeddedProcessingOptions = {}): Promise<ServiceInstance> => {
  const settings: ProcessingSettings = { ...loadProcessingSettings(shared.env), ...options.settings };
  const infrastructure = embeddedInfrastructure({ declaration: processingDeclaration, settings: shared.config, bus: shared.bus });
  const dataDir = path.resolve(shared.config.dataDir);
  const active = new SqliteActiveTranscodes(processingReadModelFile(dataDir));
  const embeddedAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, PROCESSING_TOKENS.ActiveTranscodes).toConstantValue(active);
    bindTyped(bind, PROCESSING_TOKENS.RunnerDispatcher)
      .toDynamicValue(
        (ctx) =>
          new ChildProcessRunnerDispatcher({
            concurrency: settings.runnerConcurrency,
            // The child's environment: the deployment's, with the mode and data folder it must use.
            env: { ...shared.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, LOG_LEVEL: shared.config.logLevel },
            logger: resolve(ctx, TOKENS.Logger).createChild({ persistentKeys: { component: 'runner-pool' } }),
            stdio: options.runnerStdio ?? 'inherit',
          }),
      )
      .inSingletonScope();
  });
  const container = createServiceContainer(
    infrastructure,
    processingModule(settings, { env: shared.env, probeNetwork: 'none', ...(options.prober && { prober: options.prober }) }),
    embeddedAdapters,
  );
  return processingInstance(container, infrastructure, () => active.close());
};
