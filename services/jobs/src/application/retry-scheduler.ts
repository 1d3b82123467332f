// Runs the retries whose backoff has elapsed: polls the read model for due retries and issues
// RunDueRetry on each job stream. Idempotent by construction: the aggregate runs only the attempt it
// still has scheduled, so two schedulers (two tasks on AWS) or a rerun after a crash do no harm.
import type { Logger } from '@mediaflow/logging';
import type { Clock } from '@mediaflow/service-kit';
import type { JobReadModel } from '../ports/job-read-model';
import type { JobCommandExecutor } from './job-command-executor';

interface RetrySchedulerOptions {
  readonly readModel: JobReadModel;
  readonly executor: JobCommandExecutor;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Poll period; a retry runs at most this late. */
  readonly intervalMs: number;
  readonly batchSize?: number;
}

export class RetryScheduler {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<number> | undefined;
  private running = false;

  constructor(private readonly options: RetrySchedulerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight?.catch(() => 0);
  }

  /** One scan: returns how many retries it started. Runs never overlap. */
  runOnce(): Promise<number> {
    this.inFlight ??= this.scan().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.options.logger.warn('retry scan failed; next scan retries', { error: error as Error }))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
  }

  private async scan(): Promise<number> {
    const { readModel, executor, clock, logger } = this.options;
    const now = clock.now();
    let started = 0;
    for (const due of await readModel.dueRetries(now, this.options.batchSize ?? 50)) {
      const context = { ownerId: due.ownerId, correlationId: due.correlationId, causationId: null };
      try {
        const outcome = await executor.execute({ type: 'RunDueRetry', jobId: due.jobId, stage: due.stage, attempt: due.attempt, now }, { context });
        if (outcome.status === 'applied' && outcome.events.length > 0) {
          started++;
          logger.info('retry started', { jobId: due.jobId, stage: due.stage, attempt: due.attempt });
        }
      } catch (error) {
        logger.warn('retry not started; next scan tries again', { jobId: due.jobId, error: error as Error });
      }
    }
    return started;
  }
}
