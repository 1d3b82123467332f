// Refusals of the Transcode aggregate. Each has a stable code; the bus retries a handler that throws
// one, then dead-letters the event, where it is visible instead of silently dropped.

/** TranscodeRequested (or a runner report) for a job whose ProbeRequested processing never recorded. */
export class TranscodeNotRegistered extends Error {
  readonly code = 'TRANSCODE_NOT_REGISTERED';
  override readonly name = 'TranscodeNotRegistered';
  constructor(readonly jobId: string) {
    super(`no ProbeRequested was recorded for job ${jobId}: cannot start a transcode without its input`);
  }
}

export const isTranscodeNotRegistered = (error: unknown): error is TranscodeNotRegistered =>
  error instanceof TranscodeNotRegistered;
