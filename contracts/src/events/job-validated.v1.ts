// JobValidated.v1 (jobs): the input passed the policy; carries the rendition plan processing executes.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';
import { RenditionPlanSchema } from './shared/rendition-plan';

export const JobValidatedV1Schema = z
  .object({
    jobId: JobIdSchema,
    plan: RenditionPlanSchema,
    /** Which transcode attempt to run (1..3); a retry re-publishes the plan with the next one. Absent means 1. */
    attempt: AttemptSchema.optional(),
  })
  .strict()
  .meta({ id: 'JobValidated.v1', description: 'The input passed validation; the outputs to produce.' });
export type JobValidatedV1 = z.infer<typeof JobValidatedV1Schema>;
