// The warm runner's loop: take one attempt from the runner-jobs queue, claim it (queued → running on
// this task; a duplicate or a stopped attempt is dropped), run it, delete its message and claim, then
// take the next. One job at a time per process, the job's state (spec, reporter, abort signal) made
// fresh for each one, so a job never sees another's. The message stays invisible while the job runs,
// which is how the dispatcher counts this runner as busy.
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@mediaflow/logging';
import { JobSpecSchema, type JobSpec } from '../../application/job-spec';
import type { DynamoDbWarmRunnerClaims } from './dynamodb-warm-runner-claims';
import { WARM_RUNNER_VISIBILITY_SECONDS } from './warm-runner-keys';

export type WarmTakeOutcome = 'ran' | 'dropped' | 'empty';

export interface WarmRunnerLoopOptions {
  readonly sqs: SQSClient;
  readonly claims: DynamoDbWarmRunnerClaims;
  readonly queueUrl: string;
  /** This runner's ECS task id, recorded in the claim so the dispatcher can stop it. */
  readonly taskId: string;
  /** Runs one attempt to its end (it reports its own events); the signal aborts it. */
  readonly runJob: (spec: JobSpec, signal: AbortSignal) => Promise<void>;
  /** Marks the task busy (ECS task scale-in protection) while a job runs. */
  readonly protect?: (busy: boolean) => Promise<void>;
  readonly logger: Logger;
  readonly waitSeconds?: number;
  readonly visibilitySeconds?: number;
  readonly now?: () => Date;
}

export class SqsWarmRunnerLoop {
  constructor(private readonly options: WarmRunnerLoopOptions) {}

  /** Takes until `signal` aborts; the job in progress is aborted with it. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.takeOne(signal).catch((error: unknown) => this.options.logger.error('warm runner could not take a job', { error: error as Error }));
    }
  }

  async takeOne(signal: AbortSignal): Promise<WarmTakeOutcome> {
    const o = this.options;
    const visibility = o.visibilitySeconds ?? WARM_RUNNER_VISIBILITY_SECONDS;
    const out = await o.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: o.queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: o.waitSeconds ?? 20, VisibilityTimeout: visibility }),
      { abortSignal: signal },
    );
    const message = out.Messages?.[0];
    if (!message?.ReceiptHandle) return 'empty';
    const receipt = message.ReceiptHandle;
    const done = () => o.sqs.send(new DeleteMessageCommand({ QueueUrl: o.queueUrl, ReceiptHandle: receipt }));
    const job = this.parse(message.Body);
    if (!job || !(await o.claims.claim(job.runnerId, o.taskId, o.now?.() ?? new Date()))) {
      o.logger.info('warm runner dropped a message', { runnerId: job?.runnerId, reason: job ? 'not queued any more' : 'unreadable' });
      await done();
      return 'dropped';
    }
    const keepInvisible = setInterval(() => {
      void o.sqs
        .send(new ChangeMessageVisibilityCommand({ QueueUrl: o.queueUrl, ReceiptHandle: receipt, VisibilityTimeout: visibility }))
        .catch((error: unknown) => o.logger.warn('could not extend the message visibility', { error: error as Error }));
    }, (visibility * 1000) / 3);
    await o.protect?.(true);
    try {
      await o.runJob(job.spec, signal);
    } finally {
      clearInterval(keepInvisible);
      await o.claims.remove(job.runnerId);
      await done();
      await o.protect?.(false);
    }
    return 'ran';
  }

  private parse(body: string | undefined): { runnerId: string; spec: JobSpec } | undefined {
    try {
      const raw = JSON.parse(body ?? '') as { runnerId?: unknown; spec?: unknown };
      const spec = JobSpecSchema.safeParse(raw.spec);
      return typeof raw.runnerId === 'string' && spec.success ? { runnerId: raw.runnerId, spec: spec.data } : undefined;
    } catch {
      return undefined;
    }
  }
}
