// TranscodeFailed.v1 (processing): an attempt failed. jobs retries with backoff when `retryable`.
import { z } from 'zod';
import { AttemptSchema, ErrorCodeSchema, JobIdSchema, ReasonSchema } from './shared/identifiers';

export const TranscodeFailedV1Schema = z
  .object({
    jobId: JobIdSchema,
    attempt: AttemptSchema,
    code: ErrorCodeSchema,
    reason: ReasonSchema,
    /** False when a retry cannot help (corrupt input, unsupported codec). */
    retryable: z.boolean(),
  })
  .strict()
  .meta({ id: 'TranscodeFailed.v1', description: 'An attempt failed.' });
export type TranscodeFailedV1 = z.infer<typeof TranscodeFailedV1Schema>;
