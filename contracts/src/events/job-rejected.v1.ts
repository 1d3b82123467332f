// JobRejected.v1 (jobs): the input broke the policy (type, duration, resolution, size). Final for the job.
import { z } from 'zod';
import { ErrorCodeSchema, JobIdSchema } from './shared/identifiers';

export const RejectionReasonSchema = z
  .object({ code: ErrorCodeSchema, message: z.string().min(1).max(500) })
  .strict();
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const JobRejectedV1Schema = z
  .object({
    jobId: JobIdSchema,
    /** Every rule the input broke, so the owner can fix them all at once. */
    reasons: z.array(RejectionReasonSchema).min(1).max(32),
  })
  .strict()
  .meta({ id: 'JobRejected.v1', description: 'The input failed validation; the job ends.' });
export type JobRejectedV1 = z.infer<typeof JobRejectedV1Schema>;
