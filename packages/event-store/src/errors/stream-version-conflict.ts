// Thrown when an append's expectedVersion is not the stream's version: someone appended since the
// caller read the stream. The command is retried by reading again and deciding again.
export class StreamVersionConflict extends Error {
  static readonly code = 'STREAM_VERSION_CONFLICT';
  readonly code = StreamVersionConflict.code;
  override readonly name = 'StreamVersionConflict';

  constructor(
    readonly streamId: string,
    readonly expected: number,
    /** The stream's version when the conflict was seen; undefined when the adapter could not tell. */
    readonly actual: number | undefined,
    cause?: unknown,
  ) {
    const now = actual === undefined ? 'another version' : `version ${actual}`;
    super(`stream "${streamId}" is at ${now}, the append expected version ${expected}`, { cause });
  }

  toJSON() {
    const { name, code, message, streamId, expected, actual } = this;
    return { name, code, message, streamId, expected, actual };
  }
}

export const isStreamVersionConflict = (error: unknown): error is StreamVersionConflict =>
  error instanceof Error && (error as { code?: unknown }).code === StreamVersionConflict.code;
