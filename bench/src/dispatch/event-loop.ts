// The discrete-event core: a priority queue of actions at simulated times. Nothing waits on the wall
// clock; `run` pops the earliest action until none is left. Ties keep their scheduling order.

type Action = () => void;

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly action: Action;
}

export class EventLoop {
  private heap: Entry[] = [];
  private seq = 0;
  private clock = 0;

  get now(): number {
    return this.clock;
  }

  /** Schedules `action` at simulated time `at` (seconds); a time in the past runs at `now`. */
  at(at: number, action: Action): void {
    this.push({ at: Math.max(at, this.clock), seq: this.seq++, action });
  }

  run(): void {
    for (let e = this.pop(); e; e = this.pop()) {
      this.clock = e.at;
      e.action();
    }
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
    return top;
  }
}
