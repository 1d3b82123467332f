// RunReporter for a runner with no parent to tell (an ECS task): it appends TranscodeProgressed
// (throttled, with heartbeats), TranscodeFinished or TranscodeFailed to `transcode-<jobId>` in
// processing's own store, through the same aggregate and the same report → command mapping as the
// service. When the stream shows its attempt ended (cancelled, failed by the watchdog), it says so,
// and the runner stops itself.
import type { EventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import type { Clock, IdGenerator } from '@mediaflow/service-kit';
import type { JobSpec } from '../../application/job-spec';
import type { RunnerFailure } from '../../application/runner-exit';
import { recordRunnerReport } from '../../application/transcode-commands';
import {
  shouldEmitProgress,
  type EmittedProgress,
  type ProgressThrottlePolicy,
} from '../../domain/progress-throttle';
import type { RunnerReport } from '../../domain/runner-report';
import { attemptOf } from '../../domain/transcode-state';
import type { RunReporter, RunSummary } from '../../ports/run-reporter';

interface EventStoreRunReporterOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly spec: JobSpec;
  readonly throttle: ProgressThrottlePolicy;
  /** Called once when the stream says this attempt no longer runs. */
  readonly onAttemptEnded?: () => void;
}

export class EventStoreRunReporter implements RunReporter {
  private chain: Promise<void> = Promise.resolve();
  private last: EmittedProgress | undefined;
  private endedSignalled = false;

  constructor(private readonly options: EventStoreRunReporterOptions) {}

  began(): void {
    void this.enqueue({ type: 'began' });
  }

  progress(percent: number): void {
    const now = this.options.clock.now().getTime();
    if (!shouldEmitProgress(this.last, percent, now, this.options.throttle)) return;
    this.last = { percent, atMs: now };
    void this.enqueue({ type: 'progress', percent });
  }

  finished(summary: RunSummary): Promise<void> {
    return this.enqueue({ type: 'finished', manifest: summary.manifest, transcodeSeconds: summary.transcodeSeconds });
  }

  failed(failure: RunnerFailure): Promise<void> {
    const { code, reason, retryable } = failure;
    return this.enqueue({ type: 'failed', code, reason, retryable });
  }

  /** Appends run one after another, in the order reported; a failed append is logged, never thrown. */
  private enqueue(report: RunnerReport): Promise<void> {
    this.chain = this.chain
      .then(() => this.append(report))
      .catch((error: unknown) => {
        this.options.logger.error('could not record the run report', {
          report: report.type,
          error: error as Error,
        });
      });
    return this.chain;
  }

  private async append(report: RunnerReport): Promise<void> {
    const { spec } = this.options;
    const outcome = await recordRunnerReport(this.options, spec, report);
    if (outcome.status !== 'applied' || outcome.events.length > 0) return;
    const attempt = attemptOf(outcome.state, spec.attempt);
    if (attempt?.status !== 'running' && !this.endedSignalled) {
      this.endedSignalled = true;
      this.options.logger.warn('the stream says this attempt no longer runs', {
        status: attempt?.status ?? 'unknown',
      });
      this.options.onAttemptEnded?.();
    }
  }
}
