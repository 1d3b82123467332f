// What the runner is asked to do: the command of the Fargate task and of the embedded child process.
// Validated at the edge; the plan is optional because it follows deterministically from the probe
// and the profile (the runner then probes and plans itself).
import { JobIdSchema, MediaInfoSchema } from '@mediaflow/contracts';
import { z } from 'zod';
import type { Plan } from '@mediaflow/media-planning';

export const JobSpecSchema = z
  .object({
    /** The contract's job id rule, so every job jobs can create is one the runner accepts. */
    jobId: JobIdSchema,
    attempt: z.number().int().min(1).max(100).default(1),
    /** A local path, file:// URL, http(s) URL (presigned GET) or blob key `blob:<key>` in the uploads storage. */
    input: z.string().min(1).max(4096),
    /** Outputs are written under `${outputPrefix}/` at deterministic keys: a rerun overwrites. */
    outputPrefix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/)
      .max(512)
      .refine((p) => !p.split('/').includes('..'), 'no .. segments'),
    profile: z.string().min(1).max(64).default('default'),
    plan: z
      .custom<Plan>(
        (v) => typeof v === 'object' && v !== null && ['video', 'audio', 'image'].includes((v as Plan).kind),
      )
      .optional(),
    /**
     * What processing's probe found (MediaProbed), which jobs planned from: the runner plans from it and
     * lets ffmpeg read the input only with its container's demuxer, without probing the input again.
     * Absent (by-hand runs, older dispatchers): the runner probes.
     */
    mediaInfo: MediaInfoSchema.optional(),
    /**
     * The video rungs jobs planned (TranscodeRequested), top first. The runner plans again from its own probe;
     * a different ladder means jobs and processing disagree, and the run fails with PLAN_MISMATCH.
     */
    expectedRungs: z.array(z.string().min(1).max(32)).max(16).optional(),
    /** Who owns the job and its correlation id: the events a runner appends itself (ECS) carry them. */
    context: z
      .object({ ownerId: z.string().min(1).max(256), correlationId: z.string().min(1).max(128) })
      .strict()
      .optional(),
    wallClockLimitSeconds: z
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .default(3 * 3600),
  })
  .strict();

export type JobSpec = z.infer<typeof JobSpecSchema>;
