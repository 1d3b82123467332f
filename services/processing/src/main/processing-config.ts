// processing's settings from the environment, validated once: the runner pool, the watchdog and, on
// AWS, where runner tasks are started (the names cdktf's service-compute passes in).
import os from 'node:os';
import { loadConfig } from '@mediaflow/config';
import { InfrastructureEnvironmentSchema } from '@mediaflow/runtime/src/infrastructure-config';
import { z } from 'zod';

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const ProcessingEnvironmentSchema = InfrastructureEnvironmentSchema.extend({
  /** Runners at once in the embedded pool; default the number of cores. */
  MEDIAFLOW_RUNNER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(() => os.availableParallelism()),
  /** An attempt with no progress for this long is failed (retryable) and its runner stopped. */
  MEDIAFLOW_RUNNER_STALL_SECONDS: z.coerce
    .number()
    .min(0.5)
    .max(24 * 3600)
    .default(120),
  /** AWS: the ECS cluster, runner task definition and container, and its network. */
  MEDIAFLOW_RUNNER_CLUSTER: z.string().min(1).optional(),
  MEDIAFLOW_RUNNER_TASK_DEFINITION: z.string().min(1).optional(),
  MEDIAFLOW_RUNNER_CONTAINER: z.string().min(1).default('runner'),
  MEDIAFLOW_RUNNER_SUBNETS: commaList.default([]),
  MEDIAFLOW_RUNNER_SECURITY_GROUPS: commaList.default([]),
  MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP: z.enum(['true', 'false']).default('false'),
});

export type ProcessingConfig = z.infer<typeof ProcessingEnvironmentSchema>;

export const loadProcessingConfig = (env: NodeJS.ProcessEnv = process.env): ProcessingConfig =>
  loadConfig(ProcessingEnvironmentSchema, env);

/** The stall time alone (the runner needs it for its heartbeat and nothing else of the config). */
export const stallSecondsFrom = (env: NodeJS.ProcessEnv): number => {
  const parsed = ProcessingEnvironmentSchema.shape.MEDIAFLOW_RUNNER_STALL_SECONDS.safeParse(
    env.MEDIAFLOW_RUNNER_STALL_SECONDS,
  );
  return parsed.success ? parsed.data : 120;
};
