// The two messages between the embedded pool and a warm runner process, beside the runner's own reports
// (application/runner-messages.ts). A warm runner is forked with WARM_RUNNER_ARG and no spec: it loads
// everything a job needs, says `ready`, and waits for a `job` message, whose spec it validates like
// MEDIAFLOW_JOB_SPEC. After a job that succeeded (its `finished` report sent) it says `ready` again and
// waits for the next; after any other end it exits.
import { z } from 'zod';

/** The runner's argument that makes it wait for its spec over IPC instead of reading --spec or the environment. */
export const WARM_RUNNER_ARG = '--warm';

/** Runner → pool: loaded (or done with its last job) and waiting for a job. Not a runner report. */
export const WarmRunnerReadySchema = z.object({ type: z.literal('ready') });
export type WarmRunnerReady = z.infer<typeof WarmRunnerReadySchema>;

/** Pool → runner: the attempt to run. The spec is validated by the runner (JobSpecSchema), not here. */
export const WarmRunnerJobSchema = z.object({ type: z.literal('job'), spec: z.unknown() });
export type WarmRunnerJob = z.infer<typeof WarmRunnerJobSchema>;

export const isReadyMessage = (raw: unknown): boolean => WarmRunnerReadySchema.safeParse(raw).success;
