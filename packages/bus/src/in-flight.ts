// Bounded concurrency for consumers: how many handlers run, waiting for a free slot, and draining
// on stop with a deadline so a stuck handler cannot hold a shutdown forever.
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency must be a positive integer, got ${limit}`);
  }

  get size(): number {
    return this.running.size;
  }

  get free(): number {
    return this.limit - this.running.size;
  }

  /** Tracks a task that never rejects (callers catch inside). */
  track(task: Promise<void>): void {
    const tracked = task.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves when at least one slot is free. */
  async slot(): Promise<void> {
    while (this.free <= 0) await Promise.race(this.running);
  }

  /** Waits for every task, at most `timeoutMs`; true when all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(this.running.size === 0), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all(this.running).then(() => true), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
