// processing in the embedded all-in-one: the runtime's SQLite/local-disk container, a child-process
// runner pool, the active-transcodes index in `<data>/processing.read.sqlite`, and the watchdog.
import path from 'node:path';
import {
  createEmbeddedContainer,
  TOKENS,
  type EmbeddedShared,
  type ServiceInstance,
} from '@mediaflow/runtime';
import type { Logger } from '@mediaflow/logging';
import { ChildProcessRunnerDispatcher } from '../adapters/local/child-process-runner-dispatcher';
import { SqliteActiveTranscodes } from '../adapters/local/sqlite-active-transcodes';
import type { MediaProber } from '../ports/media-prober';
import { processingDeclaration } from '../subscriptions';
import { bindProcessing, processingInstance } from './bind-processing';
import { loadProcessingConfig, type ProcessingConfig } from './processing-config';

export interface EmbeddedProcessingOptions {
  /** Settings instead of the environment's (tests: a tiny stall time, concurrency 1). */
  readonly settings?: Partial<ProcessingConfig>;
  /** Where runners' logs go (tests: 'ignore'). */
  readonly runnerStdio?: 'inherit' | 'ignore';
  readonly prober?: MediaProber;
}

export const processingReadModelFile = (dataDir: string): string =>
  path.join(dataDir, 'processing.read.sqlite');

export const createEmbeddedService = async (
  shared: EmbeddedShared,
  options: EmbeddedProcessingOptions = {},
): Promise<ServiceInstance> => {
  const settings: ProcessingConfig = { ...loadProcessingConfig(shared.env), ...shared.config, ...options.settings };
  const container = createEmbeddedContainer({
    declaration: processingDeclaration,
    config: shared.config,
    bus: shared.bus,
  });
  const dataDir = path.resolve(shared.config.MEDIAFLOW_DATA_DIR);
  const active = new SqliteActiveTranscodes(processingReadModelFile(dataDir));
  const dispatcher = new ChildProcessRunnerDispatcher({
    concurrency: settings.MEDIAFLOW_RUNNER_CONCURRENCY,
    env: { MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, LOG_LEVEL: settings.LOG_LEVEL },
    logger: container
      .get<Logger>(TOKENS.Logger)
      .createChild({ persistentKeys: { component: 'runner-pool' } }),
    stdio: options.runnerStdio ?? 'inherit',
  });
  bindProcessing(container, {
    settings,
    dispatcher,
    active,
    ...(options.prober ? { prober: options.prober } : {}),
  });
  return processingInstance(container, () => active.close());
};
