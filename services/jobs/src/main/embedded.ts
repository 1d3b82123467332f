// Embedded composition root: jobs inside the all-in-one process, its SQLite event store and its own
// read-model file (`jobs.read.sqlite`) in the data folder, output URLs signed for the blob router on
// the same port.
import path from 'node:path';
import { BlobUrlSigner } from '@mediaflow/blob-http';
import { createEmbeddedContainer, type EmbeddedShared } from '@mediaflow/runtime';
import { BlobHttpOutputUrls } from '../adapters/http/blob-http-output-urls';
import { SqliteJobReadModel } from '../adapters/local/sqlite-job-read-model';
import { MediaPlanningRenditionPlanner } from '../adapters/planning/media-planning-rendition-planner';
import { jobsDeclaration } from '../subscriptions';
import { composeJobs, type JobsInstance } from './compose-jobs';
import { loadJobsConfig, type JobsConfig } from './jobs-config';

export const jobsReadModelFile = (dataDir: string): string => path.join(dataDir, 'jobs.read.sqlite');

export const createEmbeddedService = async (shared: EmbeddedShared, overrides: Partial<JobsConfig> = {}): Promise<JobsInstance> => {
  const config: JobsConfig = { ...loadJobsConfig(shared.env), ...shared.config, ...overrides };
  const container = createEmbeddedContainer({ declaration: jobsDeclaration, config, bus: shared.bus });
  const readModel = SqliteJobReadModel.open(jobsReadModelFile(config.MEDIAFLOW_DATA_DIR));
  const signer = new BlobUrlSigner({ secret: shared.secrets.urlSigning, baseUrl: shared.publicBaseUrl });
  const outputUrls = new BlobHttpOutputUrls(signer, config.MEDIAFLOW_JOBS_OUTPUT_URL_TTL_SECONDS);
  return composeJobs(container, { readModel, planner: new MediaPlanningRenditionPlanner(), outputUrls }, config, () => readModel.close());
};
