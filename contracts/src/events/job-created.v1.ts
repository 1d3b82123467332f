// JobCreated.v1 (jobs): a job exists for an upload. A fact, published once per job; the probe is asked
// for by ProbeRequested.v1, published with it.
import { z } from 'zod';
import { JobIdSchema, ProfileNameSchema, UploadIdSchema } from './shared/identifiers';
import { StorageLocationSchema } from './shared/storage-location';

export const JobCreatedV1Schema = z
  .object({
    jobId: JobIdSchema,
    uploadId: UploadIdSchema,
    input: StorageLocationSchema.describe('The uploaded source object.'),
    profile: ProfileNameSchema,
  })
  .strict()
  .meta({ id: 'JobCreated.v1', description: 'A job was created for a completed upload. Once per job.' });
export type JobCreatedV1 = z.infer<typeof JobCreatedV1Schema>;
