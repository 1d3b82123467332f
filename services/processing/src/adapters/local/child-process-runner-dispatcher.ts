// The embedded RunnerDispatcher: a bounded pool of forked runner processes (src/main/runner.ts). Beyond the
// concurrency limit attempts wait in a FIFO queue; each child reports over IPC and its exit code says
// how it ended. An attempt runs in a warm process started ahead (warm-spares.ts), one attempt at a time:
// a process whose attempt succeeded takes the next one (until it retires, runner-reuse-settings.ts),
// one whose attempt failed, was stopped or crashed ends with it, so a crash or a cancel touches one
// attempt only. Runner ids live only in this process: after a restart every old id is "gone", which
// is how the watchdog recognises attempts orphaned by a crash. Each id names the pool instance (its
// incarnation) that launched it, so an id of an earlier incarnation is known to be gone because its
// host process restarted, not because its runner failed.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '@mediaflow/logging';
import type { JobSpec } from '../../application/job-spec';
import type { RunnerEvent, RunnerEventListener, RunnerLiveness, RunnerDispatcher } from '../../ports/runner-dispatcher';
import { RunnerChild } from './runner-child';
import { preparedRunnerEntrypoint, type RunnerEntrypoint } from './runner-entrypoint';
import { WarmSpares } from './warm-spares';

interface ChildProcessRunnerDispatcherOptions {
  /** Runners at once (MEDIAFLOW_RUNNER_CONCURRENCY); default the machine's available parallelism. */
  readonly concurrency?: number;
  /**
   * The whole environment of every runner: the entry point's own, with the mode, data dir and log
   * level the runner must use; the job spec is added per run.
   */
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** What to fork (tests: a stand-in); default runner.js from a build, else a bundle of runner.ts. */
  readonly entrypoint?: RunnerEntrypoint;
  /** Warm runner processes kept, idle and running together (a busy one is reused once its attempt succeeded); default the concurrency. */
  readonly warmSpares?: number;
  /** After SIGTERM, how long a runner may take to clean up before SIGKILL (default 15 s). */
  readonly stopGraceMs?: number;
  /** Where runners' own logs go (default: this process's stdout/stderr). */
  readonly stdio?: 'inherit' | 'ignore';
}

class PoolShutDown extends Error {
  readonly code = 'RUNNER_POOL_SHUT_DOWN';
  override readonly name = 'PoolShutDown';
  constructor() {
    super('the runner pool is shutting down and takes no new attempts');
  }
}

interface Waiting {
  readonly runnerId: string;
  readonly spec: JobSpec;
}

const keyOf = (spec: Pick<JobSpec, 'jobId' | 'attempt'>): string => `${spec.jobId}#${spec.attempt}`;

/** `local-<incarnation>-<uuid>`; ids written before incarnations existed (`local-<uuid>`) do not match. */
const RUNNER_ID = /^local-([0-9a-f]{12})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class ChildProcessRunnerDispatcher implements RunnerDispatcher {
  readonly concurrency: number;
  /** Random per pool instance, so per run of the process that hosts it. */
  readonly incarnation = randomBytes(6).toString('hex');
  private listener: RunnerEventListener = async () => undefined;
  private readonly idsByAttempt = new Map<string, string>();
  private readonly queue: Waiting[] = [];
  private readonly running = new Map<string, RunnerChild>();
  private closed = false;
  /** Set once the entrypoint is known (a bundle is built first from sources): until then attempts queue. */
  private spares: WarmSpares | undefined;
  private readonly prepared: Promise<void>;

  constructor(private readonly options: ChildProcessRunnerDispatcherOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
    const target = Math.max(0, options.warmSpares ?? this.concurrency);
    this.prepared = (options.entrypoint ? Promise.resolve(options.entrypoint) : preparedRunnerEntrypoint(options.logger))
      .then((entrypoint) => {
        if (this.closed) return;
        const stdio = options.stdio ?? 'inherit';
        this.spares = new WarmSpares({ target, entrypoint, env: options.env, stdio, logger: options.logger });
        this.pump();
      })
      .catch((error: unknown) => options.logger.error('the runner pool could not start', { error: error as Error }));
  }

  onEvent(listener: RunnerEventListener): void {
    this.listener = listener;
  }

  async start(spec: JobSpec): Promise<{ runnerId: string }> {
    if (this.closed) throw new PoolShutDown();
    const known = this.idsByAttempt.get(keyOf(spec));
    if (known) return { runnerId: known };
    const runnerId = `local-${this.incarnation}-${randomUUID()}`;
    this.idsByAttempt.set(keyOf(spec), runnerId);
    this.queue.push({ runnerId, spec });
    this.options.logger.info('runner queued', {
      runnerId,
      jobId: spec.jobId,
      attempt: spec.attempt,
      queued: this.queue.length,
      running: this.running.size,
    });
    this.pump();
    return { runnerId };
  }

  async stop(runnerId: string): Promise<void> {
    const index = this.queue.findIndex((w) => w.runnerId === runnerId);
    const waiting = index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
    if (waiting) {
      this.idsByAttempt.delete(keyOf(waiting.spec));
      await this.report({
        runnerId,
        jobId: waiting.spec.jobId,
        attempt: waiting.spec.attempt,
        context: waiting.spec.context,
        type: 'dropped',
      });
      return;
    }
    this.running.get(runnerId)?.stop();
  }

  async status(runnerId: string): Promise<RunnerLiveness> {
    if (this.queue.some((w) => w.runnerId === runnerId)) return { state: 'queued' };
    const child = this.running.get(runnerId);
    if (child) return { state: 'running', since: child.since };
    const incarnation = RUNNER_ID.exec(runnerId)?.[1];
    return incarnation !== undefined && incarnation !== this.incarnation
      ? { state: 'gone', cause: 'host-restarted' }
      : { state: 'gone' };
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    await this.prepared;
    for (const waiting of [...this.queue]) await this.stop(waiting.runnerId);
    const children = [...this.running.values()];
    for (const child of children) child.stop();
    await Promise.all([...children.map((c) => c.done), this.spares?.shutdown()]);
  }

  /** Queued and running counts, and warm spares ready, for logs and stats. */
  get load(): { queued: number; running: number; warm: number } {
    return { queued: this.queue.length, running: this.running.size, warm: this.spares?.pids.ready.length ?? 0 };
  }

  /** The processes: spares (ready or starting) and each running runner's, for logs and tests. */
  get processes(): { readonly spares: { ready: number[]; starting: number[] }; readonly runners: ReadonlyMap<string, number> } {
    const runners = new Map([...this.running].flatMap(([id, child]) => (child.pid === undefined ? [] : [[id, child.pid] as const])));
    return { spares: this.spares?.pids ?? { ready: [], starting: [] }, runners };
  }

  private pump(): void {
    while (!this.closed && this.spares && this.running.size < this.concurrency) {
      const next = this.queue.shift();
      if (!next) return;
      this.launch(next, this.spares);
    }
  }

  private launch({ runnerId, spec }: Waiting, spares: WarmSpares): void {
    const spare = spares.take();
    const warm = spare.readyNow;
    const child = new RunnerChild({
      runnerId,
      spec,
      spare,
      stopGraceMs: this.options.stopGraceMs ?? 15_000,
      logger: this.options.logger,
      report: (event) => this.report(event),
    });
    this.running.set(runnerId, child);
    this.options.logger.info('runner started', {
      runnerId,
      pid: child.pid,
      warm,
      jobId: spec.jobId,
      attempt: spec.attempt,
    });
    // Forgotten only after the terminal report is recorded: until then status() still says running.
    void child.done.then(() => {
      this.running.delete(runnerId);
      this.idsByAttempt.delete(keyOf(spec));
      if (child.released) spares.giveBack(spare);
      else spares.ended();
      this.pump();
    });
  }

  private async report(event: RunnerEvent): Promise<void> {
    try {
      await this.listener(event);
    } catch (error) {
      this.options.logger.error('runner event listener failed', {
        runnerId: event.runnerId,
        error: error as Error,
      });
    }
  }
}
