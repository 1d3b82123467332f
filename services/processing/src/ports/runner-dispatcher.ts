// Dispatches runners, the transcode processes: child processes of a pool on one machine, ECS Fargate
// tasks on AWS. The application starts and stops runners and asks whether one is alive; runners that
// the adapter can observe (child processes) report through `onEvent`, others (ECS tasks) append their
// own events.
import type { JobSpec } from '../application/job-spec';
import type { RunnerLiveness } from '../domain/attempt-liveness';
import type { RunnerReport } from '../domain/runner-report';

export type { RunnerLiveness } from '../domain/attempt-liveness';

interface RunnerEventBase {
  readonly runnerId: string;
  readonly jobId: string;
  readonly attempt: number;
  /** The spec's owner and correlation, so the report's events carry them. */
  readonly context?: JobSpec['context'];
}

/** A runner's report as its dispatcher observed it: which runner, job and attempt, and what it said. */
export type RunnerEvent = RunnerEventBase & RunnerReport;

/** Awaited by the adapter before it forgets a runner, so a terminal report is recorded before the runner counts as gone. */
export type RunnerEventListener = (event: RunnerEvent) => Promise<void>;

export interface RunnerDispatcher {
  /**
   * Runs the spec (or queues it when every slot is busy). Idempotent per (jobId, attempt) while the
   * adapter remembers it: asking again answers the same runner.
   */
  start(spec: JobSpec): Promise<{ readonly runnerId: string }>;
  /** Asks the runner to stop (SIGTERM, ECS StopTask); a queued one is dropped. Unknown ids are ignored. */
  stop(runnerId: string): Promise<void>;
  /** Whether the runner is queued, running (since when), or gone. */
  status(runnerId: string): Promise<RunnerLiveness>;
  /** The one listener for reports; adapters whose runners report elsewhere never call it. */
  onEvent(listener: RunnerEventListener): void;
  /** Stops every runner it owns and takes no more work (service shutdown). */
  shutdown(): Promise<void>;
}
