// TranscodeProgressed.v1 (processing): throttled progress of a running attempt. Also the runner's
// heartbeat: jobs times out an attempt that stops sending these.
import { z } from 'zod';
import { AttemptSchema, JobIdSchema } from './shared/identifiers';

export const TranscodeProgressedV1Schema = z
  .object({
    jobId: JobIdSchema,
    attempt: AttemptSchema,
    /** Clamped by the runner: ffmpeg's own percentage can exceed 100. */
    percent: z.number().min(0).max(100),
    /** Encoding speed as a multiple of real time (ffmpeg's `speed`), when ffmpeg reports it. */
    speed: z.number().min(0).max(10_000).optional(),
  })
  .strict()
  .meta({ id: 'TranscodeProgressed.v1', description: 'Progress of a running attempt.' });
export type TranscodeProgressedV1 = z.infer<typeof TranscodeProgressedV1Schema>;
