// Thrown when an append records an incoming event its consumer already handled: a redelivery.
// Nothing was written; the consumer acknowledges the message and moves on.
export class EventAlreadyHandled extends Error {
  static readonly code = 'EVENT_ALREADY_HANDLED';
  readonly code = EventAlreadyHandled.code;
  override readonly name = 'EventAlreadyHandled';

  constructor(
    readonly consumer: string,
    readonly eventId: string,
    cause?: unknown,
  ) {
    super(`consumer "${consumer}" already handled event ${eventId}`, { cause });
  }

  toJSON() {
    const { name, code, message, consumer, eventId } = this;
    return { name, code, message, consumer, eventId };
  }
}

export const isEventAlreadyHandled = (error: unknown): error is EventAlreadyHandled =>
  error instanceof Error && (error as { code?: unknown }).code === EventAlreadyHandled.code;
