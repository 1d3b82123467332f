// What the runner is asked to do: the command of the Fargate task and of the embedded child process.
// Validated at the edge; the plan is optional because it follows deterministically from the probe
// and the profile (the runner then probes and plans itself).
import { z } from 'zod';
import type { Plan } from '../domain/plan';

export const JobSpecSchema = z
  .object({
    jobId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
    attempt: z.number().int().min(1).max(100).default(1),
    /** A local path, file:// URL, http(s) URL (presigned GET) or blob key `blob:<key>` in the uploads storage. */
    input: z.string().min(1).max(4096),
    /** Outputs are written under `${outputPrefix}/` at deterministic keys: a rerun overwrites. */
    outputPrefix: z.string().regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/).max(512).refine((p) => !p.split('/').includes('..'), 'no .. segments'),
    profile: z.string().min(1).max(64).default('default'),
    plan: z.custom<Plan>((v) => typeof v === 'object' && v !== null && ['video', 'audio', 'image'].includes((v as Plan).kind)).optional(),
    wallClockLimitSeconds: z.number().int().min(1).max(24 * 3600).default(3 * 3600),
  })
  .strict();

export type JobSpec = z.infer<typeof JobSpecSchema>;
