// TranscodeRequested.v1 (jobs): jobs asks processing to run transcode attempt `attempt` of a validated
// job. A request, not a fact: one per attempt (the first comes with JobValidated, each retry adds one).
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';
import { RenditionPlanSchema } from './shared/rendition-plan';

export const TranscodeRequestedV1Schema = z
  .object({
    jobId: JobIdSchema,
    attempt: AttemptSchema.describe(
      'Transcode attempt to run, from 1; processing starts only an attempt higher than any it has seen.',
    ),
    plan: RenditionPlanSchema,
  })
  .strict()
  .meta({
    id: 'TranscodeRequested.v1',
    description:
      'jobs asks processing to run a transcode attempt of a validated job (first attempt or a retry).',
  });
export type TranscodeRequestedV1 = z.infer<typeof TranscodeRequestedV1Schema>;
