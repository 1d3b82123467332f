// TranscodeStarted.v1 (processing): a runner picked up an attempt of a job.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema, RunnerIdSchema } from './shared/identifiers';

export const TranscodeStartedV1Schema = z
  .object({ jobId: JobIdSchema, attempt: AttemptSchema, runnerId: RunnerIdSchema })
  .strict()
  .meta({ id: 'TranscodeStarted.v1', description: 'A runner started an attempt.' });
export type TranscodeStartedV1 = z.infer<typeof TranscodeStartedV1Schema>;
