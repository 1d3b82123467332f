// MediaProbed.v1 (processing): ffprobe read the input's header. jobs applies its policy to it.
import { z } from 'zod';
import { JobIdSchema } from './shared/identifiers';
import { MediaInfoSchema } from './shared/media-info';

export const MediaProbedV1Schema = z
  .object({ jobId: JobIdSchema, mediaInfo: MediaInfoSchema })
  .strict()
  .meta({ id: 'MediaProbed.v1', description: 'The input was probed; what it contains.' });
export type MediaProbedV1 = z.infer<typeof MediaProbedV1Schema>;
