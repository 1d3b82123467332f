// One embedded "process" of processing as the all-in-one builds it: the SQLite bus of a data folder,
// the service from createEmbeddedService, and the jobs stand-in listening to what it publishes.
import type { SqliteBus } from '@mediaflow/bus/sqlite';
import type { BusEnvelope } from '@mediaflow/contracts';
import type { ServiceInstance } from '@mediaflow/runtime';
import { createEmbeddedTestDeployment } from '@mediaflow/runtime/testing';
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
  const deployment = createEmbeddedTestDeployment({ dataDir: dir, relayIntervalMs: 50, logLevel: 'ERROR', publicBaseUrl: 'http://127.0.0.1:0', env: process.env });
  const { bus } = deployment;
  bus.provision(jobsStandIn);
  await bus.consumer(jobsStandIn).start(async (envelope) => onPublished(envelope));
  const service = await createEmbeddedService(
    deployment.shared,
    {
      settings: { runnerConcurrency: 1, runnerStallSeconds: 120 },
      runnerStdio: 'ignore',
    },
  );
  await service.start();
  return {
    bus,
    service,
    stop: async () => {
      await service.stop();
      await deployment.dispose();
    },
  };
};
