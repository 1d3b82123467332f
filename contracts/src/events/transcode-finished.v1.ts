// TranscodeFinished.v1 (processing): an attempt wrote every planned output; jobs completes the job.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';
import { OutputManifestSchema } from './shared/output-manifest';

export const TranscodeFinishedV1Schema = z
  .object({
    jobId: JobIdSchema,
    attempt: AttemptSchema,
    manifest: OutputManifestSchema,
    transcodeSeconds: z
      .number()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe(
        "The runner's own time for the transcode, in seconds: every ffmpeg process and writing the playlists; not probing the input, storing the outputs nor waiting for a runner. Absent from runners that did not report it.",
      ),
  })
  .strict()
  .meta({ id: 'TranscodeFinished.v1', description: 'An attempt finished; the outputs it wrote.' });
export type TranscodeFinishedV1 = z.infer<typeof TranscodeFinishedV1Schema>;
