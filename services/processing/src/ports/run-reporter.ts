// How the runner entrypoint tells the world about its run: over IPC to the embedded pool that forked
// it, or straight into processing's event store when it runs as an ECS task with no parent to tell.
import type { ManifestOutput } from '@mediaflow/contracts';
import type { RunnerFailure } from '../application/runner-exit';

export interface RunSummary {
  readonly manifest: ManifestOutput[];
  readonly transcodeSeconds: number;
  readonly planKind: string;
}

export interface RunReporter {
  /**
   * Called once, first, when the runner begins the attempt's work: the sign that it no longer waits
   * in a queue (an attempt lost before it is not counted against the job's attempts). Never throws.
   */
  began(): void;
  /** Called for every progress step; the reporter throttles as its channel needs. Never throws. */
  progress(percent: number): void;
  /** Resolves once the result is delivered (or given up on, with a log). */
  finished(summary: RunSummary): Promise<void>;
  failed(failure: RunnerFailure): Promise<void>;
}
