// ProbeRequested.v1 (jobs): jobs asks processing to probe a job's input, attempt `attempt`. A request,
// not a fact: one per probe attempt (the first comes with JobCreated, each retry adds one).
import { z } from 'zod';
import { AttemptSchema, JobIdSchema, ProfileNameSchema, UploadIdSchema } from './shared/identifiers';
import { StorageLocationSchema } from './shared/storage-location';

export const ProbeRequestedV1Schema = z
  .object({
    jobId: JobIdSchema,
    uploadId: UploadIdSchema,
    input: StorageLocationSchema.describe('The uploaded source object to probe.'),
    profile: ProfileNameSchema,
    attempt: AttemptSchema.describe('Probe attempt, from 1; a retry asks with the next one.'),
  })
  .strict()
  .meta({
    id: 'ProbeRequested.v1',
    description: 'jobs asks processing to probe the input of a job (first attempt or a retry).',
  });
export type ProbeRequestedV1 = z.infer<typeof ProbeRequestedV1Schema>;
