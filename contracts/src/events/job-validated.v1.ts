// JobValidated.v1 (jobs): the input passed the policy; carries the rendition plan. A fact, published once
// per job; each transcode attempt is asked for by TranscodeRequested.v1 (the first published with it).
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';
import { RenditionPlanSchema } from './shared/rendition-plan';

export const JobValidatedV1Schema = z
  .object({
    jobId: JobIdSchema,
    plan: RenditionPlanSchema,
    /**
     * Kept for compatibility: before TranscodeRequested.v1, a retry re-published JobValidated with the
     * next attempt. Now absent (a validation has no attempt); read TranscodeRequested.v1's attempt.
     */
    attempt: AttemptSchema.optional().describe('Deprecated, absent: see TranscodeRequested.v1. Formerly the transcode attempt to run.'),
  })
  .strict()
  .meta({ id: 'JobValidated.v1', description: 'The input passed validation; the outputs to produce. Once per job.' });
export type JobValidatedV1 = z.infer<typeof JobValidatedV1Schema>;
