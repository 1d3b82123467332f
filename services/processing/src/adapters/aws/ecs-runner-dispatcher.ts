// The AWS RunnerDispatcher: one ECS Fargate task per attempt (RunTask with the job spec in a container
// override), StopTask to stop it, DescribeTasks for the watchdog. The task reports by appending its
// Transcode* events to processing's table itself, so this adapter never calls the event listener.
import { createHash } from 'node:crypto';
import {
  DescribeTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
  type Task,
} from '@aws-sdk/client-ecs';
import type { Logger } from '@mediaflow/logging';
import type { JobSpec } from '../../application/job-spec';
import type { RunnerLiveness, RunnerDispatcher } from '../../ports/runner-dispatcher';

export interface EcsRunnerSettings {
  readonly cluster: string;
  readonly taskDefinition: string;
  /** The runner's container in the task definition (cdktf RUNNER_CONTAINER). */
  readonly container: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp?: boolean;
}

class RunnerDispatchFailed extends Error {
  readonly code = 'RUNNER_DISPATCH_FAILED';
  override readonly name = 'RunnerDispatchFailed';
  constructor(
    readonly jobId: string,
    reason: string,
  ) {
    super(`ECS could not start the runner of job ${jobId}: ${reason}`);
  }
}

const QUEUED = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
const taskIdOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** The same attempt always gets the same token, so a retried RunTask (redelivered TranscodeRequested) starts no second task. */
const runTaskClientToken = (spec: Pick<JobSpec, 'jobId' | 'attempt'>): string =>
  createHash('sha256').update(`${spec.jobId}#${spec.attempt}`).digest('hex');

const runTaskInput = (settings: EcsRunnerSettings, spec: JobSpec) => ({
  cluster: settings.cluster,
  taskDefinition: settings.taskDefinition,
  launchType: 'FARGATE' as const,
  count: 1,
  clientToken: runTaskClientToken(spec),
  // startedBy takes 36 letters, digits, '-' or '_'; the tags carry the full ids.
  startedBy: spec.jobId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 36),
  tags: [
    { key: 'mediaflow:job', value: spec.jobId },
    { key: 'mediaflow:attempt', value: String(spec.attempt) },
  ],
  networkConfiguration: {
    awsvpcConfiguration: {
      subnets: [...settings.subnets],
      securityGroups: [...settings.securityGroups],
      assignPublicIp: settings.assignPublicIp ? ('ENABLED' as const) : ('DISABLED' as const),
    },
  },
  overrides: {
    containerOverrides: [
      {
        name: settings.container,
        environment: [{ name: 'MEDIAFLOW_JOB_SPEC', value: specForOverride(spec) }],
      },
    ],
  },
});

/**
 * RunTask's overrides hold at most 8192 characters in all. The probe (mediaInfo) is what a spec can
 * spare: without it the runner probes the input itself.
 */
const OVERRIDE_BUDGET = 7000;
export const specForOverride = (spec: JobSpec): string => {
  const full = JSON.stringify(spec);
  if (full.length <= OVERRIDE_BUDGET || !spec.mediaInfo) return full;
  const { mediaInfo: _probe, ...rest } = spec;
  return JSON.stringify(rest);
};

const livenessOf = (task: Task | undefined): RunnerLiveness => {
  const status = task?.lastStatus;
  if (!task || !status || status === 'STOPPED') return { state: 'gone' };
  if (QUEUED.has(status)) return { state: 'queued' };
  // STOPPING and DEPROVISIONING still count: the runner may be appending its last event.
  return { state: 'running', since: task.startedAt ?? task.createdAt ?? new Date() };
};

export class EcsRunnerDispatcher implements RunnerDispatcher {
  constructor(
    private readonly options: {
      readonly client: ECSClient;
      readonly settings: EcsRunnerSettings;
      readonly logger: Logger;
    },
  ) {}

  async start(spec: JobSpec): Promise<{ runnerId: string }> {
    const out = await this.options.client.send(new RunTaskCommand(runTaskInput(this.options.settings, spec)));
    const arn = out.tasks?.[0]?.taskArn;
    if (!arn) {
      const reason =
        out.failures?.map((f) => `${f.reason ?? 'unknown'}${f.detail ? ` (${f.detail})` : ''}`).join('; ') ||
        'no task returned';
      throw new RunnerDispatchFailed(spec.jobId, reason);
    }
    this.options.logger.info('runner task started', {
      jobId: spec.jobId,
      attempt: spec.attempt,
      taskArn: arn,
    });
    return { runnerId: taskIdOf(arn) };
  }

  async stop(runnerId: string): Promise<void> {
    try {
      await this.options.client.send(
        new StopTaskCommand({
          cluster: this.options.settings.cluster,
          task: runnerId,
          reason: 'stopped by mediaflow processing',
        }),
      );
    } catch (error) {
      // A task ECS no longer knows is as stopped as it gets.
      this.options.logger.warn('StopTask failed', { runnerId, error: error as Error });
    }
  }

  async status(runnerId: string): Promise<RunnerLiveness> {
    const out = await this.options.client.send(
      new DescribeTasksCommand({ cluster: this.options.settings.cluster, tasks: [runnerId] }),
    );
    return livenessOf(out.tasks?.find((t) => t.taskArn && taskIdOf(t.taskArn) === runnerId));
  }

  onEvent(): void {
    // Runner tasks append their own events to processing's table: nothing to listen to here.
  }

  async shutdown(): Promise<void> {
    // Tasks outlive this process on purpose: they report to the store, and the watchdog of the next
    // process picks them up.
  }
}
