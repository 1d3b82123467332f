// The embedded deployment's pruning loop: every interval, each step deletes what is older than its
// cutoff in small batches, yielding to the event loop between batches so no prune holds a SQLite
// write lock for long or starves the handlers. Started and stopped with the runtime; never at import.
import type { Logger } from '@mediaflow/logging';

export interface PruneStep {
  /** What it prunes, for the log line: "bus log", "outbox", "inbox", "abandoned writes in uploads". */
  readonly name: string;
  /** Entries older than this go; undefined: nothing to prune this round. */
  cutoff(now: Date): Date | undefined;
  /** Deletes at most `limit` entries older than `cutoff`; returns how many it deleted. */
  batch(cutoff: Date, limit: number): number | Promise<number>;
}

interface RetentionPrunerOptions {
  readonly steps: readonly PruneStep[];
  readonly intervalMs: number;
  readonly logger: Logger;
  /** Rows per delete (default 200: a few milliseconds of write lock). */
  readonly batchSize?: number;
  readonly now?: () => Date;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class RetentionPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  /** Set by stop(): a round in progress ends after its current batch. */
  private halted = false;

  constructor(private readonly options: RetentionPrunerOptions) {}

  /** Prunes once now, then every interval. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.halted = false;
    const tick = (): void => {
      if (this.halted || this.running) return;
      this.running = this.pruneOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.warn('pruning failed; trying again next interval', { error: error as Error }))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the loop and waits for a round in progress (it ends at its next batch). */
  async stop(): Promise<void> {
    this.started = false;
    this.halted = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round over every step; returns what each deleted. Public for tests and the soak bench. */
  async pruneOnce(): Promise<Record<string, number>> {
    const { steps, batchSize = 200, now = () => new Date(), logger } = this.options;
    const deleted: Record<string, number> = {};
    for (const step of steps) {
      const cutoff = step.cutoff(now());
      let total = 0;
      for (let n = batchSize; cutoff && n === batchSize; ) {
        if (this.halted) break; // the rest waits for the next start
        n = await step.batch(cutoff, batchSize);
        total += n;
        await yieldToEventLoop();
      }
      deleted[step.name] = total;
    }
    if (Object.values(deleted).some((n) => n > 0)) logger.info('pruned retained entries', { deleted });
    return deleted;
  }
}
