// JobCompleted.v1 (jobs): the job succeeded; repeats the outputs manifest for subscribers.
import { z } from 'zod';
import { JobIdSchema } from './shared/identifiers';
import { OutputManifestSchema } from './shared/output-manifest';

export const JobCompletedV1Schema = z
  .object({ jobId: JobIdSchema, manifest: OutputManifestSchema })
  .strict()
  .meta({ id: 'JobCompleted.v1', description: 'The job finished; every output it produced.' });
export type JobCompletedV1 = z.infer<typeof JobCompletedV1Schema>;
