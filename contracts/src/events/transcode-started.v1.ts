// TranscodeStarted.v1 (processing): a runner began an attempt of a job (it left the runner queue, its task
// is up), once per attempt. An attempt still waiting for a runner has had TranscodeRequested only.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema, RunnerIdSchema } from './shared/identifiers';

export const TranscodeStartedV1Schema = z
  .object({ jobId: JobIdSchema, attempt: AttemptSchema, runnerId: RunnerIdSchema })
  .strict()
  .meta({
    id: 'TranscodeStarted.v1',
    description:
      'A runner began an attempt: it is out of any queue (a free slot of the embedded pool, a provisioned task) and at work. Once per attempt; an attempt that ends before its runner began (RUNNER_NOT_STARTED) has none.',
  });
export type TranscodeStartedV1 = z.infer<typeof TranscodeStartedV1Schema>;
