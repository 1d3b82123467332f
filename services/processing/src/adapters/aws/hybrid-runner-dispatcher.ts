// The AWS RunnerDispatcher that bench/dispatch favours (docs/dispatch.md): a warm floor of queue-fed
// runner tasks (an ECS service) takes an attempt while one of its runners is free; otherwise the
// attempt gets its own Fargate task through RunTask (EcsRunnerDispatcher). Every dispatch wakes the
// floor (desired count = floor); CloudWatch scales it back to zero after a quiet spell (cdktf).
// Free warm runners = the service's running tasks − the queue's messages (waiting + being worked on:
// a warm runner keeps its message invisible until its job ends).
import { createHash } from 'node:crypto';
import { DescribeServicesCommand, DescribeTasksCommand, StopTaskCommand, UpdateServiceCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { GetQueueAttributesCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@mediaflow/logging';
import type { JobSpec } from '../../application/job-spec';
import type { RunnerDispatcher, RunnerLiveness } from '../../ports/runner-dispatcher';
import type { DynamoDbWarmRunnerClaims } from './dynamodb-warm-runner-claims';
import type { EcsRunnerDispatcher } from './ecs-runner-dispatcher';

export interface WarmFloorSettings {
  readonly cluster: string;
  /** The ECS service of warm runners. */
  readonly service: string;
  readonly queueUrl: string;
  /** Warm runners kept while there is traffic; 0 = RunTask for every attempt. */
  readonly floor: number;
  /** A queued attempt no warm runner took within this long counts as gone (the watchdog retries it). */
  readonly queueWaitLimitMs: number;
}

/** What goes on the queue: the attempt's spec and the runner id the dispatcher answered. */
export interface WarmRunnerJob {
  readonly runnerId: string;
  readonly spec: JobSpec;
}

export const WARM_RUNNER_PREFIX = 'warm-';
const warmRunnerId = (spec: Pick<JobSpec, 'jobId' | 'attempt'>): string =>
  WARM_RUNNER_PREFIX + createHash('sha256').update(`${spec.jobId}#${spec.attempt}`).digest('hex').slice(0, 32);

export type DispatchRoute = 'warm' | 'task';

export class HybridRunnerDispatcher implements RunnerDispatcher {
  constructor(
    private readonly options: {
      readonly ecs: ECSClient;
      readonly sqs: SQSClient;
      readonly claims: DynamoDbWarmRunnerClaims;
      readonly tasks: EcsRunnerDispatcher;
      readonly settings: WarmFloorSettings;
      readonly logger: Logger;
      readonly now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async start(spec: JobSpec): Promise<{ runnerId: string }> {
    const runnerId = warmRunnerId(spec);
    // Asked before and sent to the floor: the same runner (a RunTask attempt is idempotent by its client token).
    if (await this.options.claims.get(runnerId)) return { runnerId };
    const route = await this.route();
    this.options.logger.info('runner dispatch', { jobId: spec.jobId, attempt: spec.attempt, route });
    if (route === 'task') return this.options.tasks.start(spec);
    if (!(await this.options.claims.queue(runnerId, this.now()))) return { runnerId };
    const job: WarmRunnerJob = { runnerId, spec };
    await this.options.sqs.send(new SendMessageCommand({ QueueUrl: this.options.settings.queueUrl, MessageBody: JSON.stringify(job) }));
    return { runnerId };
  }

  /** Where the next attempt goes; wakes the floor on the way. */
  async route(): Promise<DispatchRoute> {
    const { floor } = this.options.settings;
    if (floor <= 0) return 'task';
    const [service, backlog] = await Promise.all([this.describeService(), this.backlog()]);
    if ((service?.desiredCount ?? 0) < floor) await this.wakeFloor();
    const free = (service?.runningCount ?? 0) - backlog;
    return free > 0 ? 'warm' : 'task';
  }

  async stop(runnerId: string): Promise<void> {
    if (!runnerId.startsWith(WARM_RUNNER_PREFIX)) return this.options.tasks.stop(runnerId);
    if (await this.options.claims.cancel(runnerId, this.now())) return;
    const claim = await this.options.claims.get(runnerId);
    // Stopping the warm task ends its one job; the service starts a fresh runner in its place.
    if (claim?.state === 'running') await this.stopWarmTask(claim.taskId);
  }

  async status(runnerId: string): Promise<RunnerLiveness> {
    if (!runnerId.startsWith(WARM_RUNNER_PREFIX)) return this.options.tasks.status(runnerId);
    let claim = await this.options.claims.get(runnerId);
    if (!claim || claim.state === 'cancelled') return { state: 'gone' };
    if (claim.state === 'queued') {
      if (this.now().getTime() - claim.since.getTime() <= this.options.settings.queueWaitLimitMs) return { state: 'queued' };
      // Waited too long: cancelled before it is called gone, so a warm runner that receives the
      // message later cannot run an attempt the watchdog is about to retry. Losing that race means a
      // runner took it just now: then it is running.
      if (await this.options.claims.cancel(runnerId, this.now())) return { state: 'gone' };
      claim = await this.options.claims.get(runnerId);
      if (!claim || claim.state !== 'running') return { state: 'gone' };
    }
    const out = await this.options.ecs.send(new DescribeTasksCommand({ cluster: this.options.settings.cluster, tasks: [claim.taskId] }));
    const task = out.tasks?.[0];
    return !task || task.lastStatus === 'STOPPED' ? { state: 'gone' } : { state: 'running', since: claim.since };
  }

  onEvent(): void {
    // Warm runners, like runner tasks, append their own events to processing's table.
  }

  async shutdown(): Promise<void> {
    // The floor and its queue outlive this process; the next one's watchdog picks their attempts up.
  }

  private async describeService() {
    const { cluster, service } = this.options.settings;
    const out = await this.options.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    return out.services?.find((s) => s.status === 'ACTIVE');
  }

  private async backlog(): Promise<number> {
    const out = await this.options.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.options.settings.queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    const a = out.Attributes ?? {};
    return Number(a.ApproximateNumberOfMessages ?? 0) + Number(a.ApproximateNumberOfMessagesNotVisible ?? 0);
  }

  private async wakeFloor(): Promise<void> {
    const { cluster, service, floor } = this.options.settings;
    await this.options.ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: floor }));
    this.options.logger.info('warm floor woken', { service, desiredCount: floor });
  }

  private async stopWarmTask(taskId: string): Promise<void> {
    try {
      await this.options.ecs.send(new StopTaskCommand({ cluster: this.options.settings.cluster, task: taskId, reason: 'job stopped by mediaflow processing' }));
    } catch (error) {
      this.options.logger.warn('StopTask of a warm runner failed', { taskId, error: error as Error });
    }
  }
}
