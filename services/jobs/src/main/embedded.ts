// Embedded composition root: jobs inside the all-in-one process, its SQLite event store and its own
// read-model file (`jobs.read.sqlite`) in the data folder, output URLs signed for the blob router on
// the same port.
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { BlobUrlSigner } from '@mediaflow/blob-http';
import { bindTyped, createServiceContainer, embeddedInfrastructure, type EmbeddedShared } from '@mediaflow/runtime';
import { BlobHttpOutputUrls } from '../adapters/http/blob-http-output-urls';
import { SqliteJobReadModel } from '../adapters/local/sqlite-job-read-model';
import { jobsDeclaration } from '../subscriptions';
import { loadJobsSettings, type JobsSettings } from './jobs-config';
import { jobsInstance, jobsModule, type JobsInstance } from './jobs-module';
import { JOBS_TOKENS } from './jobs-tokens';

export const jobsReadModelFile = (dataDir: string): string => path.join(dataDir, 'jobs.read.sqlite');

/** `overrides`: settings instead of the environment's (tests: a short retry scan). */
export const createEmbeddedService = async (shared: EmbeddedShared, overrides: Partial<JobsSettings> = {}): Promise<JobsInstance> => {
  const settings: JobsSettings = { ...loadJobsSettings(shared.env), ...overrides };
  const infrastructure = embeddedInfrastructure({ declaration: jobsDeclaration, settings: shared.config, bus: shared.bus });
  const readModel = SqliteJobReadModel.open(jobsReadModelFile(shared.config.dataDir));
  const signer = new BlobUrlSigner({ secret: shared.secrets.urlSigning, baseUrl: shared.publicBaseUrl });
  const embeddedAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, JOBS_TOKENS.ReadModel).toConstantValue(readModel);
    bindTyped(bind, JOBS_TOKENS.OutputUrls).toConstantValue(new BlobHttpOutputUrls(signer, settings.outputUrlTtlSeconds));
  });
  const container = createServiceContainer(infrastructure, jobsModule(settings), embeddedAdapters);
  return jobsInstance(container, infrastructure, () => readModel.close());
};
