// Lets a polling loop sleep until its interval passes or someone in this process says there is work
// (a publish), whichever comes first: low latency without a tight poll.
export class Wakeup {
  private pending: (() => void) | undefined;
  private signalled = false;

  /** Resolves after `ms`, or at once if woken since the last wait. */
  wait(ms: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending = done;
    });
  }

  wake(): void {
    if (this.pending) this.pending();
    else this.signalled = true;
  }
}
