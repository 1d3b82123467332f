// What the runner entrypoint sends its parent over IPC, validated on arrival: the pool trusts only
// messages of these shapes (a child is another process, and another build after an upgrade).
import { ManifestOutputSchema } from '@mediaflow/contracts';
import { z } from 'zod';

export const RunnerMessageSchema = z.discriminatedUnion('type', [
  /** The first message: the runner is up and begins the attempt. */
  z.object({ type: z.literal('began') }),
  z.object({ type: z.literal('progress'), percent: z.number().min(0).max(1000) }),
  z.object({
    type: z.literal('finished'),
    manifest: z.array(ManifestOutputSchema),
    transcodeSeconds: z.number().optional(),
    planKind: z.string().optional(),
  }),
  z.object({
    type: z.literal('failed'),
    code: z.string().min(1),
    reason: z.string(),
    retryable: z.boolean(),
  }),
]);

export type RunnerMessage = z.infer<typeof RunnerMessageSchema>;
