// The embedded pool's warm runner processes: forked ahead with WARM_RUNNER_ARG, they load every module,
// check the sandbox and wait on IPC, so an attempt starts in a process that is already up. A spare is
// not a runner: it has no id, no attempt and no events. Taken for a job it becomes one (RunnerChild);
// after a job that succeeded it says ready again and is given back (a process per attempt would cost
// every job a Node start, ~0.2-0.3 s of CPU beside the running ffmpegs); after anything else it has
// exited and a replacement is forked. The pool keeps `target` processes, idle and busy together. A
// spare that dies while idle is replaced after a backoff that grows while no spare reaches ready (a
// broken build must not fork in a loop), and is only logged.
import { fork, type ChildProcess } from 'node:child_process';
import type { Logger } from '@mediaflow/logging';
import { markUsed } from './runner-bundle';
import type { RunnerEntrypoint } from './runner-entrypoint';
import { isReadyMessage, WARM_RUNNER_ARG } from './warm-runner-protocol';

interface WarmSparesOptions {
  /** Processes kept, idle (ready or starting) and busy with a job together. */
  readonly target: number;
  readonly entrypoint: RunnerEntrypoint;
  /** The runners' environment; a MEDIAFLOW_JOB_SPEC in it is removed (a spare gets its spec over IPC). */
  readonly env: NodeJS.ProcessEnv;
  readonly stdio: 'inherit' | 'ignore';
  readonly logger: Logger;
  /** Replacement delay after an idle death: first, doubled per death until one is ready, at most max. */
  readonly backoffMs?: { readonly first: number; readonly max: number };
}

/** Ends whatever is left of a runner's process group (its ffmpegs, after the runner itself died). */
export const killProcessGroup = (pid: number | undefined): void => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group, the usual case
  }
};

interface SpareEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class WarmSpare {
  readonly child: ChildProcess;
  /** True once the runner said ready; false if it ended first. */
  readonly ready: Promise<boolean>;
  /** Resolves once the process has ended. */
  readonly ended: Promise<SpareEnd>;
  private isReady = false;
  private taken = false;

  constructor(options: WarmSparesOptions, onIdleEnd: (spare: WarmSpare, end: SpareEnd & { wasReady: boolean }) => void) {
    const env = { ...options.env };
    delete env.MEDIAFLOW_JOB_SPEC;
    this.child = fork(options.entrypoint.path, [WARM_RUNNER_ARG], {
      execArgv: [...options.entrypoint.execArgv],
      env,
      stdio: ['ignore', options.stdio, options.stdio, 'ipc'],
      // Its own process group, which its ffmpegs join: when the runner dies without stopping them
      // (SIGKILL, a crash) the pool ends them with it (killProcessGroup) instead of leaving orphans
      // that write outputs beside the attempt's retry.
      detached: true,
    });
    // Idle, a spare must not keep its host alive (a test's pool never shut down, a CLI exiting):
    // the host's exit closes the channel, and the spare exits on its own (runner-parent-watch.ts).
    this.child.unref();
    this.child.channel?.unref();
    this.ended = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
      // Kept for the process's life: an 'error' without a listener would crash the host.
      this.child.on('error', (error) => {
        options.logger.warn('warm runner process error', { pid: this.child.pid, error });
        if (this.child.pid === undefined) resolve({ code: null, signal: null }); // never started
      });
    });
    this.ready = new Promise((resolve) => {
      const onMessage = (raw: unknown): void => {
        if (!isReadyMessage(raw)) return;
        this.isReady = true;
        this.child.removeListener('message', onMessage);
        resolve(true);
      };
      this.child.on('message', onMessage);
      void this.ended.then(() => resolve(false));
    });
    void this.ended.then((end) => {
      if (this.taken) return;
      killProcessGroup(this.child.pid);
      onIdleEnd(this, { ...end, wasReady: this.isReady });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get readyNow(): boolean {
    return this.isReady;
  }

  /** Hands the process to a job: from now on it keeps the host alive and its end is the job's. */
  take(): ChildProcess {
    this.taken = true;
    this.child.ref();
    this.child.channel?.ref();
    return this.child;
  }

  /** Back from a job it finished, ready for the next (it said so): idle again. */
  release(): void {
    this.taken = false;
    this.isReady = true;
    this.child.unref();
    this.child.channel?.unref();
  }

  kill(): void {
    this.child.kill('SIGKILL'); // nothing to clean up: a spare has no job
  }
}

export class WarmSpares {
  private readonly spares: WarmSpare[] = [];
  /** Taken and not given back or ended yet. */
  private busy = 0;
  private idleDeaths = 0;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: WarmSparesOptions) {
    this.refill();
  }

  /** A process for a job: a ready spare, else the one started first, else a new one. */
  take(): WarmSpare {
    const ready = this.spares.findIndex((s) => s.readyNow);
    const index = ready >= 0 ? ready : this.spares.length > 0 ? 0 : -1;
    const spare = index >= 0 ? this.spares.splice(index, 1)[0]! : this.fork();
    spare.take();
    this.busy += 1;
    this.refill();
    return spare;
  }

  /** A taken process that finished its job and said ready: idle again, or ended if not needed. */
  giveBack(spare: WarmSpare): void {
    this.busy -= 1;
    if (this.closed || this.spares.length + this.busy >= this.options.target) {
      spare.kill();
      return;
    }
    spare.release();
    this.spares.push(spare);
  }

  /** A taken process ended with its job (failed, stopped, crashed, or retired): fork its replacement. */
  ended(): void {
    this.busy -= 1;
    this.refill();
  }

  /** The spares' pids, ready ones and those still starting. */
  get pids(): { readonly ready: number[]; readonly starting: number[] } {
    const pidsOf = (list: WarmSpare[]) => list.flatMap((s) => (s.pid === undefined ? [] : [s.pid]));
    return {
      ready: pidsOf(this.spares.filter((s) => s.readyNow)),
      starting: pidsOf(this.spares.filter((s) => !s.readyNow)),
    };
  }

  /** Kills every spare and forks no more; resolves once they have all ended. */
  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const spares = this.spares.splice(0);
    for (const spare of spares) spare.kill();
    await Promise.all(spares.map((s) => s.ended));
  }

  private refill(): void {
    if (this.closed || this.retry) return;
    while (this.spares.length + this.busy < this.options.target) this.spares.push(this.fork());
  }

  private fork(): WarmSpare {
    // A bundle in use stays recent, so another pool's start does not prune it (runner-bundle.ts).
    markUsed(this.options.entrypoint.path);
    const spare = new WarmSpare(this.options, (s, end) => this.onIdleEnd(s, end));
    void spare.ready.then((ready) => {
      if (ready) this.idleDeaths = 0;
    });
    return spare;
  }

  private onIdleEnd(spare: WarmSpare, end: SpareEnd & { wasReady: boolean }): void {
    const index = this.spares.indexOf(spare);
    if (index >= 0) this.spares.splice(index, 1);
    if (this.closed) return;
    const { first, max } = this.options.backoffMs ?? { first: 250, max: 30_000 };
    const delayMs = Math.min(max, first * 2 ** this.idleDeaths++);
    this.options.logger.warn('a warm runner process ended while idle: replacing it', {
      pid: spare.pid,
      code: end.code,
      signal: end.signal,
      wasReady: end.wasReady,
      delayMs,
    });
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.refill();
    }, delayMs);
    this.retry.unref();
  }
}
