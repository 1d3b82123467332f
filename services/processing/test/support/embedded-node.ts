// One embedded "process" of processing as the all-in-one builds it: the SQLite bus of a data folder,
// the service from createEmbeddedService, and the jobs stand-in listening to what it publishes.
import { SqliteBus, validateWithContracts } from '@mediaflow/bus';
import type { BusEnvelope } from '@mediaflow/contracts';
import { embeddedPaths, loadInfrastructureConfig, type ServiceInstance } from '@mediaflow/runtime';
import { createEmbeddedService } from '../../src/main/embedded';
import { jobsStandIn } from './jobs-stand-in';

export interface EmbeddedNode {
  readonly bus: SqliteBus;
  readonly service: ServiceInstance;
  stop(): Promise<void>;
}

export const startEmbeddedNode = async (
  dir: string,
  onPublished: (envelope: BusEnvelope) => void,
): Promise<EmbeddedNode> => {
  const bus = new SqliteBus({ file: embeddedPaths(dir).bus, validate: validateWithContracts });
  bus.provision(jobsStandIn);
  await bus.consumer(jobsStandIn).start(async (envelope) => onPublished(envelope));
  const config = loadInfrastructureConfig({
    MEDIAFLOW_DATA_DIR: dir,
    MEDIAFLOW_RELAY_INTERVAL_MS: '50',
    LOG_LEVEL: 'ERROR',
  });
  const service = await createEmbeddedService(
    {
      config,
      bus,
      publicBaseUrl: 'http://127.0.0.1:0',
      secrets: { jwt: 'j'.repeat(32), urlSigning: 'u'.repeat(32) },
      env: process.env,
    },
    {
      settings: { MEDIAFLOW_RUNNER_CONCURRENCY: 1, MEDIAFLOW_RUNNER_STALL_SECONDS: 120 },
      runnerStdio: 'ignore',
    },
  );
  await service.start();
  return {
    bus,
    service,
    stop: async () => {
      await service.stop();
      await bus.close();
    },
  };
};
