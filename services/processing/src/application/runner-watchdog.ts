// The watchdog: every sweep looks at each job in the active index and fails, as retryable, an attempt
// whose runner is gone (RUNNER_LOST: its process died, e.g. `kill -9` of the embedded process) or has
// sent no progress for the stall time (RUNNER_STALLED, and its runner is stopped). jobs then retries.
// A gone runner that never began (it waited in the pool's queue, its task never left provisioning)
// did no work: RUNNER_NOT_STARTED; one that had begun in an earlier run of the process hosting it (the
// embedded pool before a kill -9) ended with that process: RUNNER_HOST_RESTARTED. jobs counts neither
// against the job's attempts (only against their own cap). Any other gone runner is RUNNER_LOST.
// start() sweeps once before returning, so attempts orphaned by a restart are failed straight away:
// those that never began first, so jobs retries them first (they waited longest for a runner), and a
// job whose run was just interrupted is not first in line again for the next crash.
import type { Logger } from '@mediaflow/logging';
import type { EventContext } from '@mediaflow/service-kit';
import { judgeAttempt, lastSignOfLife, type RunnerLiveness } from '../domain/attempt-liveness';
import { RUNNER_NOT_STARTED } from '../domain/runner-report';
import { currentAttempt, runningAttempt } from '../domain/transcode-state';
import type { ActiveTranscode, ActiveTranscodes } from '../ports/active-transcodes';
import { deleteCancelledOutputs, type OutputsCleanupDependencies } from './delete-cancelled-outputs';
import { jobContext, loadTranscode, executeTranscodeCommand } from './transcode-commands';

interface WatchdogDependencies extends OutputsCleanupDependencies {
  readonly active: ActiveTranscodes;
  readonly logger: Logger;
  readonly stallMs: number;
  /** Between sweeps (default: a quarter of the stall time, 0.2 to 15 s). */
  readonly sweepIntervalMs?: number;
}

const FAILURES = {
  notStarted: {
    code: RUNNER_NOT_STARTED,
    reason:
      'the runner of this attempt is gone before it began (it waited in a queue when the process restarted, or its task never started)',
  },
  hostRestarted: {
    code: 'RUNNER_HOST_RESTARTED',
    reason: 'the process that ran the runner of this attempt was restarted before it reported a result',
  },
  lost: {
    code: 'RUNNER_LOST',
    reason:
      'the runner of this attempt is gone without reporting a result (process restarted or task stopped)',
  },
  stalled: {
    code: 'RUNNER_STALLED',
    reason: 'the runner sent no progress within the stall time and was stopped',
  },
} as const;

interface FoundAttempt {
  readonly jobId: string;
  readonly attempt: number;
  readonly runnerId: string;
  readonly context: EventContext;
}
type Lost = FoundAttempt & { readonly failure: 'lost' | 'hostRestarted' | 'notStarted' };
type Stalled = FoundAttempt & { readonly failure: 'stalled' };

/** Why an attempt whose runner is gone failed: it never began, its host restarted, or it was lost. */
const lostAs = (began: boolean, runner: RunnerLiveness): Lost['failure'] => {
  if (!began) return 'notStarted';
  return runner.state === 'gone' && runner.cause === 'host-restarted' ? 'hostRestarted' : 'lost';
};

export class RunnerWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(private readonly deps: WatchdogDependencies) {}

  get sweepIntervalMs(): number {
    return this.deps.sweepIntervalMs ?? Math.min(15_000, Math.max(200, Math.floor(this.deps.stallMs / 4)));
  }

  async start(): Promise<void> {
    if (this.timer) return;
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.sweepIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One pass over the index; overlapping calls share the pass in progress. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepAll().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepAll(): Promise<void> {
    const logged =
      (what: string, jobId: string) =>
      (error: unknown): undefined => {
        this.deps.logger.error(what, { jobId, error: error as Error });
        return undefined;
      };
    try {
      // A gone runner does not come back: its attempt can wait for the end of the pass to be failed.
      const lost: Lost[] = [];
      for (const entry of await this.deps.active.list()) {
        const found = await this.inspect(entry).catch(
          logged('watchdog could not inspect a job', entry.jobId),
        );
        if (found) lost.push(found);
      }
      const order = (l: Lost) => (l.failure === 'notStarted' ? 0 : 1);
      for (const l of lost.sort((a, b) => order(a) - order(b)))
        await this.fail(l).catch(logged('watchdog could not fail an attempt', l.jobId));
    } catch (error) {
      this.deps.logger.error('watchdog sweep failed', { error: error as Error });
    }
  }

  /** Fails a stalled attempt at once; answers a lost one, which the pass fails at its end. */
  private async inspect(entry: ActiveTranscode): Promise<Lost | undefined> {
    const { deps } = this;
    const now = deps.clock.now().getTime();
    const { state, stored } = await loadTranscode(deps.store, entry.jobId);
    const running = runningAttempt(state);
    if (!running) {
      // An ended attempt's runner may still be alive (a stop lost with a crash): ask it again.
      const last = currentAttempt(state);
      if (
        last &&
        last.status !== 'finished' &&
        (await deps.dispatcher.status(last.runnerId)).state !== 'gone'
      )
        await deps.dispatcher.stop(last.runnerId);
      // A cancelled job stays until the outputs its attempts stored are deleted.
      if ((await deleteCancelledOutputs(deps, entry.jobId, deps.logger)) === 'waiting') return;
      // Young entries stay: their dispatcher may not have appended TranscodeAttemptDispatched yet.
      if (now - entry.since.getTime() > deps.stallMs) await deps.active.remove(entry.jobId);
      return undefined;
    }
    const signs = stored.map((e) => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt }));
    const runner = await deps.dispatcher.status(running.runnerId);
    const health = judgeAttempt(lastSignOfLife(signs, running.attempt), runner, now, deps.stallMs);
    if (health === 'lost')
      return {
        jobId: entry.jobId,
        attempt: running.attempt,
        runnerId: running.runnerId,
        context: jobContext(state),
        failure: lostAs(running.began, runner),
      };
    if (health === 'stalled')
      await this.fail({
        jobId: entry.jobId,
        attempt: running.attempt,
        runnerId: running.runnerId,
        context: jobContext(state),
        failure: 'stalled',
      });
    return undefined;
  }

  private async fail({ jobId, attempt, runnerId, context, failure: kind }: Lost | Stalled): Promise<void> {
    const { deps } = this;
    const failure = FAILURES[kind];
    const outcome = await executeTranscodeCommand(
      deps,
      jobId,
      {
        type: 'FailAttempt',
        attempt,
        code: failure.code,
        reason: failure.reason,
        retryable: true,
      },
      { context },
    );
    if (kind === 'stalled') await deps.dispatcher.stop(runnerId);
    const recorded = outcome.status === 'applied' && outcome.events.length > 0;
    deps.logger.warn('watchdog failed an attempt', {
      jobId,
      attempt,
      runnerId,
      code: failure.code,
      recorded,
    });
  }
}
