// ProbeFailed.v1 (processing): ffprobe could not read the input. jobs retries when `retryable`, else fails the job.
import { z } from 'zod';
import { ErrorCodeSchema, JobIdSchema, ReasonSchema } from './shared/identifiers';

export const ProbeFailedV1Schema = z
  .object({
    jobId: JobIdSchema,
    code: ErrorCodeSchema,
    reason: ReasonSchema,
    /** True for a transient cause (storage timeout), false when the file itself is unreadable. */
    retryable: z.boolean(),
  })
  .strict()
  .meta({ id: 'ProbeFailed.v1', description: 'The input could not be probed.' });
export type ProbeFailedV1 = z.infer<typeof ProbeFailedV1Schema>;
