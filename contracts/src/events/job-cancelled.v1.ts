// JobCancelled.v1 (jobs): the owner cancelled the job; processing stops any running attempt.
import { z } from 'zod';
import { JobIdSchema } from './shared/identifiers';

export const JobCancelledV1Schema = z
  .object({ jobId: JobIdSchema, reason: z.string().min(1).max(500).optional() })
  .strict()
  .meta({ id: 'JobCancelled.v1', description: 'The job was cancelled.' });
export type JobCancelledV1 = z.infer<typeof JobCancelledV1Schema>;
