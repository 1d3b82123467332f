// TranscodeFinished.v1 (processing): an attempt wrote every planned output; jobs completes the job.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';
import { OutputManifestSchema } from './shared/output-manifest';

export const TranscodeFinishedV1Schema = z
  .object({ jobId: JobIdSchema, attempt: AttemptSchema, manifest: OutputManifestSchema })
  .strict()
  .meta({ id: 'TranscodeFinished.v1', description: 'An attempt finished; the outputs it wrote.' });
export type TranscodeFinishedV1 = z.infer<typeof TranscodeFinishedV1Schema>;
