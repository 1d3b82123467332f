// Typed failures of probing and transcoding (planning's live in @mediaflow/media-planning, on the same
// MediaError base). Callers branch on `code` and `retryable` (the job process manager retries only
// retryable ones), never on ffmpeg's wording.
import { MediaError } from '@mediaflow/media-planning';
import type { UnsupportedCode } from './media-info';

export { MediaError, isMediaError, UnknownProfile, UnplannableMedia } from '@mediaflow/media-planning';

/** The caller aborted the transcode; partial outputs were removed. */
export class TranscodeCancelled extends MediaError {
  readonly code = 'TRANSCODE_CANCELLED';
  readonly retryable = false;
  override readonly name = 'TranscodeCancelled';
  constructor(options?: { cause?: unknown }) {
    super('transcode cancelled', options);
  }
}

/** The transcode ran past its wall-clock limit; another attempt (maybe on a bigger runner) may finish. */
export class TranscodeTimedOut extends MediaError {
  readonly code = 'TRANSCODE_TIMED_OUT';
  readonly retryable = true;
  override readonly name = 'TranscodeTimedOut';
  constructor(readonly limitMs: number) {
    super(`transcode exceeded its wall-clock limit of ${limitMs} ms`);
  }
}

/** ffmpeg failed. `retryable` is false when the input itself is bad, true for resource trouble. */
export class TranscodeFailed extends MediaError {
  readonly code = 'TRANSCODE_FAILED';
  override readonly name = 'TranscodeFailed';
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    readonly stderrTail: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`transcode failed: ${reason}${stderrTail.length ? `\n${stderrTail.join('\n')}` : ''}`, options);
  }
}

/** Which of the runner's bounds ffmpeg crossed (see media/ffmpeg-limits.ts). */
export type TranscodeLimitCode =
  | 'RUNNER_MEMORY_LIMIT'
  | 'RUNNER_CPU_LIMIT'
  | 'OUTPUT_SIZE_LIMIT'
  | 'OUTPUT_FILE_COUNT_LIMIT';

/**
 * ffmpeg was stopped by one of the runner's bounds (address space, CPU time for the media's duration,
 * output bytes or files). Permanent: the same input under the same bounds crosses them again.
 */
export class TranscodeLimitExceeded extends MediaError {
  readonly retryable = false;
  override readonly name = 'TranscodeLimitExceeded';
  constructor(
    readonly code: TranscodeLimitCode,
    readonly reason: string,
  ) {
    super(`transcode stopped at a runner limit (${code}): ${reason}`);
  }
}

/** What the input guard refused (see media/ffmpeg-input-guard.ts). */
export type InputRefusedCode = 'INPUT_FORMAT_MISMATCH' | 'INPUT_PROTOCOL_REFUSED' | 'RUNNER_NETWORK_DENIED';

/**
 * The runner refused what the input asked for: a demuxer other than the one the probe classified it
 * with, a protocol outside the whitelist, or the network a runner without one cannot reach. Permanent.
 */
export class InputRefused extends MediaError {
  readonly retryable = false;
  override readonly name = 'InputRefused';
  constructor(
    readonly code: InputRefusedCode,
    readonly reason: string,
  ) {
    super(`input refused (${code}): ${reason}`);
  }
}

/**
 * The runner's own plan differs from the one jobs published: the two services disagree on the probe,
 * the profile or the planner's version. Permanent, so the drift surfaces instead of retrying forever.
 */
export class PlanMismatch extends MediaError {
  readonly code = 'PLAN_MISMATCH';
  readonly retryable = false;
  override readonly name = 'PlanMismatch';
  constructor(
    readonly expectedRungs: readonly string[],
    readonly plannedRungs: readonly string[],
  ) {
    super(
      `the runner planned rungs [${plannedRungs.join(', ')}] but jobs expected [${expectedRungs.join(', ')}]`,
    );
  }
}

/** The input is not media we can process (empty, not media, corrupt, no usable stream): permanent. */
export class MediaUnsupported extends MediaError {
  readonly code: UnsupportedCode;
  readonly retryable = false;
  override readonly name = 'MediaUnsupported';
  constructor(
    code: UnsupportedCode,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`unsupported media (${code}): ${reason}`, options);
    this.code = code;
  }
}

export const isMediaUnsupported = (error: unknown): error is MediaUnsupported =>
  error instanceof MediaUnsupported;

/**
 * The prober could not give an answer, through no fault of the media: the source was unreachable,
 * answered 5xx, timed out, or ffprobe itself failed. `retryable` says whether the same request
 * could succeed later (a missing object or a crashing ffprobe build will not).
 */
type ProbeUnavailableCode =
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_HTTP_ERROR'
  | 'SOURCE_NOT_FOUND'
  | 'PROBE_TIMED_OUT'
  | 'PROBE_ABORTED'
  | 'PROBER_FAILED';

export class ProbeUnavailable extends MediaError {
  override readonly name = 'ProbeUnavailable';
  constructor(
    readonly code: ProbeUnavailableCode,
    readonly reason: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`probe unavailable (${code}): ${reason}`, options);
  }
}

export const isProbeUnavailable = (error: unknown): error is ProbeUnavailable =>
  error instanceof ProbeUnavailable;
