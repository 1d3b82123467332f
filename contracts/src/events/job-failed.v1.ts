// JobFailed.v1 (jobs): the job gave up after its retries (or on a non-retryable failure).
import { z } from 'zod';
import { ErrorCodeSchema, JobIdSchema, ReasonSchema } from './shared/identifiers';

export const JobFailedV1Schema = z
  .object({
    jobId: JobIdSchema,
    code: ErrorCodeSchema,
    reason: ReasonSchema,
    /** Transcode attempts made; 0 when the job failed before any (e.g. the probe failed for good). */
    attempts: z.number().int().min(0).max(100),
  })
  .strict()
  .meta({ id: 'JobFailed.v1', description: 'The job failed for good.' });
export type JobFailedV1 = z.infer<typeof JobFailedV1Schema>;
