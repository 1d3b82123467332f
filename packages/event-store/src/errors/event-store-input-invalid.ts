// Thrown before any I/O when a caller passes something the store cannot take (empty stream id,
// negative version, an event without a type...): a programming error, never worth a retry.
export class EventStoreInputInvalid extends Error {
  static readonly code = 'EVENT_STORE_INPUT_INVALID';
  readonly code = EventStoreInputInvalid.code;
  override readonly name = 'EventStoreInputInvalid';

  constructor(readonly problems: readonly string[]) {
    super(`invalid event store input: ${problems.join('; ')}`);
  }

  toJSON() {
    const { name, code, message, problems } = this;
    return { name, code, message, problems };
  }
}

export const isEventStoreInputInvalid = (error: unknown): error is EventStoreInputInvalid =>
  error instanceof Error && (error as { code?: unknown }).code === EventStoreInputInvalid.code;
