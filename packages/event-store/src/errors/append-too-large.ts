// Thrown before any I/O when one append needs more writes than the backend can make atomically
// (DynamoDB: 100 items per transaction). Split the decision into smaller appends.
export class AppendTooLarge extends Error {
  static readonly code = 'APPEND_TOO_LARGE';
  readonly code = AppendTooLarge.code;
  override readonly name = 'AppendTooLarge';

  constructor(
    readonly streamId: string,
    readonly eventCount: number,
    /** The most events this append could have carried. */
    readonly maxEvents: number,
  ) {
    super(
      `append of ${eventCount} events to stream "${streamId}" exceeds the atomic limit of ${maxEvents} events`,
    );
  }

  toJSON() {
    const { name, code, message, streamId, eventCount, maxEvents } = this;
    return { name, code, message, streamId, eventCount, maxEvents };
  }
}

