// processing's settings from the environment, validated once: the runner pool, the watchdog and, on
// AWS, where runner tasks are started (the names cdktf's service-compute passes in).
import os from 'node:os';
import { z } from 'zod';
import { commaList, flagSetting, intSetting, loadConfig, secondsSetting, setting } from '@mediaflow/config';
import { RunnerLimitsEnvironmentShape } from '../media/runner-limits-settings';
import { RunnerReuseEnvironmentShape } from './runner-reuse-settings';
import { warmFloorPlacement, WarmFloorEnvironmentShape, type WarmFloorPlacement } from './warm-floor-settings';

export const ProcessingEnvironmentSchema = z.object({
  MEDIAFLOW_RUNNER_CONCURRENCY: intSetting(
    { min: 1, max: 256, default: () => os.availableParallelism() },
    { description: 'Runners at once in the child-process pool (embedded)', defaultText: 'the number of cores' },
  ),
  MEDIAFLOW_RUNNER_STALL_SECONDS: secondsSetting(
    { min: 0.5, max: 24 * 3600, default: 120 },
    'An attempt with no progress for this long is failed (retryable) and its runner stopped',
  ),
  MEDIAFLOW_RUNNER_CLUSTER: setting(z.string().min(1), 'AWS: the ECS cluster runner tasks start in').optional(),
  MEDIAFLOW_RUNNER_TASK_DEFINITION: setting(z.string().min(1), "AWS: the runner's task definition").optional(),
  MEDIAFLOW_RUNNER_CONTAINER: setting(z.string().min(1), "AWS: the runner's container in that task definition").default('runner'),
  MEDIAFLOW_RUNNER_SUBNETS: setting(commaList(), 'AWS: comma-separated subnets of runner tasks').default([]),
  MEDIAFLOW_RUNNER_SECURITY_GROUPS: setting(commaList(), 'AWS: comma-separated security groups of runner tasks').default([]),
  MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP: flagSetting('AWS: give runner tasks a public IP (public subnets without NAT)').default(false),
  // Read by the runner itself (runnerLimitsFrom); declared here so processing has one settings schema.
  ...RunnerLimitsEnvironmentShape,
  ...RunnerReuseEnvironmentShape,
  ...WarmFloorEnvironmentShape,
});

/** Where runner tasks start on AWS; cluster and task definition are checked when ECS is used. */
export interface RunnerTaskPlacement {
  readonly cluster?: string;
  readonly taskDefinition?: string;
  readonly container: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp: boolean;
}

export interface ProcessingSettings {
  readonly runnerConcurrency: number;
  readonly runnerStallSeconds: number;
  readonly runnerTasks: RunnerTaskPlacement;
  readonly warmFloor: WarmFloorPlacement;
}

export const loadProcessingSettings = (env: NodeJS.ProcessEnv): ProcessingSettings => {
  const c = loadConfig(ProcessingEnvironmentSchema, env);
  return {
    runnerConcurrency: c.MEDIAFLOW_RUNNER_CONCURRENCY,
    runnerStallSeconds: c.MEDIAFLOW_RUNNER_STALL_SECONDS,
    runnerTasks: {
      ...(c.MEDIAFLOW_RUNNER_CLUSTER !== undefined && { cluster: c.MEDIAFLOW_RUNNER_CLUSTER }),
      ...(c.MEDIAFLOW_RUNNER_TASK_DEFINITION !== undefined && { taskDefinition: c.MEDIAFLOW_RUNNER_TASK_DEFINITION }),
      container: c.MEDIAFLOW_RUNNER_CONTAINER,
      subnets: c.MEDIAFLOW_RUNNER_SUBNETS,
      securityGroups: c.MEDIAFLOW_RUNNER_SECURITY_GROUPS,
      assignPublicIp: c.MEDIAFLOW_RUNNER_ASSIGN_PUBLIC_IP,
    },
    warmFloor: warmFloorPlacement(c),
  };
};

/** The stall time alone (the runner needs it for its heartbeat and nothing else of the settings). */
export const stallSecondsFrom = (env: NodeJS.ProcessEnv): number => {
  const parsed = ProcessingEnvironmentSchema.shape.MEDIAFLOW_RUNNER_STALL_SECONDS.safeParse(env.MEDIAFLOW_RUNNER_STALL_SECONDS);
  return parsed.success ? parsed.data : 120;
};
