// One runner: a warm process (warm-spares.ts) given one attempt. It hands the spec over IPC once the
// process is ready, forwards validated IPC reports in order, and turns its end into one terminal
// report: `finished` followed by `ready` (the process succeeded and takes another job: `released`), or
// the process's exit (last report + exit code, see runner-exit.ts). A stop is SIGTERM (the runner removes partial
// outputs, or exits at once if it had not got its job yet), then SIGKILL after a grace period.
import type { ChildProcess } from 'node:child_process';
import type { Logger } from '@mediaflow/logging';
import type { JobSpec } from '../../application/job-spec';
import { meaningOfExit } from '../../application/runner-exit';
import { RunnerMessageSchema, type RunnerMessage } from '../../application/runner-messages';
import type { RunnerEvent } from '../../ports/runner-dispatcher';
import { killProcessGroup, type WarmSpare } from './warm-spares';
import { isReadyMessage, type WarmRunnerJob } from './warm-runner-protocol';

interface RunnerChildOptions {
  readonly runnerId: string;
  readonly spec: JobSpec;
  /** The process, already taken from the spares: ready, or still starting. */
  readonly spare: WarmSpare;
  readonly stopGraceMs: number;
  readonly logger: Logger;
  /** Called in order, one at a time; the terminal report last. */
  readonly report: (event: RunnerEvent) => Promise<void>;
}

type Result = Extract<RunnerMessage, { type: 'finished' | 'failed' }>;

export const terminalReport = (
  base: Pick<RunnerEvent, 'runnerId' | 'jobId' | 'attempt' | 'context'>,
  result: Result | undefined,
  exit: { code: number | null; signal: NodeJS.Signals | null; stopRequested: boolean },
): RunnerEvent => {
  const meaning = meaningOfExit(exit.code, exit.signal);
  if (meaning.outcome === 'succeeded') {
    if (result?.type === 'finished')
      return {
        ...base,
        type: 'finished',
        manifest: result.manifest,
        ...(result.transcodeSeconds !== undefined ? { transcodeSeconds: result.transcodeSeconds } : {}),
      };
    return {
      ...base,
      type: 'failed',
      code: 'RUNNER_NO_RESULT',
      reason: 'the runner exited 0 without reporting its outputs',
      retryable: true,
    };
  }
  if (meaning.outcome === 'cancelled' || exit.stopRequested) return { ...base, type: 'cancelled' };
  if (result?.type === 'failed')
    return { ...base, type: 'failed', code: result.code, reason: result.reason, retryable: result.retryable };
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return {
    ...base,
    type: 'failed',
    code: exit.signal ? 'RUNNER_KILLED' : 'RUNNER_CRASHED',
    reason: `the runner ${how} without a report`,
    retryable: meaning.retryable,
  };
};

export class RunnerChild {
  readonly since = new Date();
  /** Resolves once the terminal report has been handled. */
  readonly done: Promise<void>;
  /** The process finished the attempt and is alive, ready for another (set before `done` resolves). */
  released = false;
  private settle: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void = () => undefined;
  private readonly onMessageListener = (raw: unknown): void => this.onMessage(raw);
  private readonly child: ChildProcess;
  private chain: Promise<void> = Promise.resolve();
  private result: Result | undefined;
  private stopRequested = false;
  private killTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RunnerChildOptions) {
    const { spec, spare } = options;
    this.child = spare.child;
    this.child.on('message', this.onMessageListener);
    // A process that ends before it is ready (or before the spec is sent) ends the attempt like any
    // other exit: its 'close' below makes the terminal report.
    void spare.ready.then((ready) => {
      if (!ready || this.stopRequested || !this.child.connected) return;
      this.child.send({ type: 'job', spec } satisfies WarmRunnerJob, (error) => {
        if (error) options.logger.warn('the job could not be handed to its runner', { runnerId: options.runnerId, error });
      });
    });
    this.done = new Promise((resolve) => {
      let settled = false;
      const onClose = (code: number | null, signal: NodeJS.Signals | null): void => end({ code, signal });
      const onError = (error: Error): void => {
        options.logger.error('runner process error', { runnerId: options.runnerId, error });
        if (this.child.exitCode === null && this.child.pid === undefined) end({ code: 1, signal: null });
      };
      const end = (exit: { code: number | null; signal: NodeJS.Signals | null }): void => {
        if (settled) return;
        settled = true;
        if (this.killTimer) clearTimeout(this.killTimer);
        if (this.released) {
          // The process lives on for the next attempt: none of this attempt's listeners stay on it.
          this.child.removeListener('message', this.onMessageListener);
          this.child.removeListener('close', onClose);
          this.child.removeListener('error', onError);
        } else killProcessGroup(this.child.pid); // ffmpegs it left running if it died without stopping them
        const terminal = terminalReport(this.base(), this.result, { ...exit, stopRequested: this.stopRequested });
        this.enqueue(terminal);
        void this.chain.then(resolve);
      };
      this.settle = end;
      // 'close' comes after the IPC channel closed, so every message the runner sent has arrived.
      this.child.on('close', onClose);
      this.child.on('error', onError);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stop(): void {
    if (this.stopRequested || this.released) return; // released: its attempt is over, the process serves others
    this.stopRequested = true;
    this.child.kill('SIGTERM');
    this.killTimer = setTimeout(() => this.child.kill('SIGKILL'), this.options.stopGraceMs);
    this.killTimer.unref();
  }

  private base() {
    const { runnerId, spec } = this.options;
    return {
      runnerId,
      jobId: spec.jobId,
      attempt: spec.attempt,
      ...(spec.context ? { context: spec.context } : {}),
    };
  }

  private onMessage(raw: unknown): void {
    if (isReadyMessage(raw)) {
      // Before the job: the spare's own. After a result: the attempt succeeded and the process is
      // free again (a failed attempt ends its process instead). Messages arrive in order, so the
      // result and every report came before it.
      if (this.result?.type === 'finished' && !this.stopRequested) {
        this.released = true;
        this.settle({ code: 0, signal: null });
      }
      return;
    }
    const parsed = RunnerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.logger.warn('ignoring a malformed runner message', { runnerId: this.options.runnerId });
      return;
    }
    const message = parsed.data;
    if (message.type === 'began') this.enqueue({ ...this.base(), type: 'began' });
    else if (message.type === 'progress')
      this.enqueue({ ...this.base(), type: 'progress', percent: Math.min(100, message.percent) });
    else this.result = message;
  }

  private enqueue(event: RunnerEvent): void {
    this.chain = this.chain
      .then(() => this.options.report(event))
      .catch((error: unknown) => {
        this.options.logger.error('runner report handler failed', {
          runnerId: this.options.runnerId,
          error: error as Error,
        });
      });
  }
}
