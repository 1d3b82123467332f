// How the runner's process ends tells its dispatcher (ECS or the embedded pool) what to do next:
// retry a transient failure, give up on a permanent one, or accept a cancellation.
import { isMediaError } from '../domain/media-errors';

export const RunnerExit = {
  Succeeded: 0,
  /** Unexpected crash: treated as retryable (the runner is restartable, outputs are deterministic). */
  Crashed: 1,
  /** The job spec itself is invalid: retrying cannot help. */
  InvalidSpec: 2,
  /** The media cannot be processed (corrupt, unsupported, failed decode): permanent. */
  PermanentFailure: 3,
  /** Worth another attempt (source unreachable, timeout, out of disk, killed). EX_TEMPFAIL. */
  RetryableFailure: 75,
  /** Stopped on request (SIGTERM / cancel). */
  Cancelled: 130,
} as const;
type RunnerExitCode = (typeof RunnerExit)[keyof typeof RunnerExit];

export interface RunnerFailure {
  exitCode: RunnerExitCode;
  code: string;
  reason: string;
  retryable: boolean;
}

export const classifyRunnerFailure = (error: unknown): RunnerFailure => {
  if (isMediaError(error)) {
    if (error.code === 'TRANSCODE_CANCELLED') return { exitCode: RunnerExit.Cancelled, code: error.code, reason: error.message, retryable: false };
    return {
      exitCode: error.retryable ? RunnerExit.RetryableFailure : RunnerExit.PermanentFailure,
      code: error.code,
      reason: error.message,
      retryable: error.retryable,
    };
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOSPC' || code === 'EMFILE' || code === 'ECONNRESET') {
    return { exitCode: RunnerExit.RetryableFailure, code: String(code), reason: (error as Error).message, retryable: true };
  }
  return { exitCode: RunnerExit.Crashed, code: 'RUNNER_CRASHED', reason: error instanceof Error ? error.message : String(error), retryable: true };
};

/** The dispatcher's side: what an exit code means. */
export const meaningOfExit = (exitCode: number | null, signal: NodeJS.Signals | null): { outcome: 'succeeded' | 'cancelled' | 'failed'; retryable: boolean } => {
  if (exitCode === RunnerExit.Succeeded) return { outcome: 'succeeded', retryable: false };
  if (exitCode === RunnerExit.Cancelled) return { outcome: 'cancelled', retryable: false };
  if (exitCode === RunnerExit.InvalidSpec || exitCode === RunnerExit.PermanentFailure) return { outcome: 'failed', retryable: false };
  // Killed by a signal (OOM killer, SIGKILL), crashed, or a transient failure: the runner is restartable.
  return { outcome: 'failed', retryable: signal !== null || exitCode !== null };
};
