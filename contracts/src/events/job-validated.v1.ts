// JobValidated.v1 (jobs): the input passed the policy; carries the rendition plan processing executes.
import { z } from 'zod';
import { JobIdSchema } from './shared/identifiers';
import { RenditionPlanSchema } from './shared/rendition-plan';

export const JobValidatedV1Schema = z
  .object({ jobId: JobIdSchema, plan: RenditionPlanSchema })
  .strict()
  .meta({ id: 'JobValidated.v1', description: 'The input passed validation; the outputs to produce.' });
export type JobValidatedV1 = z.infer<typeof JobValidatedV1Schema>;
