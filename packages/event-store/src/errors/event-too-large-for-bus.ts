// Thrown before any I/O when an appended event would be bigger on the bus than EventBridge takes
// (`MAX_EVENT_BYTES` of @mediaflow/bus): stored, it would sit in the outbox and fail every publish.
// Never worth a retry: put the large part in blob storage and carry its location in the event.
export class EventTooLargeForBus extends Error {
  static readonly code = 'EVENT_TOO_LARGE_FOR_BUS';
  readonly code = EventTooLargeForBus.code;
  override readonly name = 'EventTooLargeForBus';

  constructor(
    readonly streamId: string,
    /** Position of the event in the append call. */
    readonly index: number,
    readonly type: string,
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `events[${index}] (${type} ${eventId}) for stream "${streamId}" would be ${sizeBytes} bytes on the bus, ` +
        `over the ${limitBytes}-byte EventBridge entry limit (MAX_EVENT_BYTES): it could never be published, ` +
        'so nothing was appended. Keep large payloads in blob storage and put their location in the event.',
    );
  }

  toJSON() {
    const { name, code, message, streamId, index, type, eventId, sizeBytes, limitBytes } = this;
    return { name, code, message, streamId, index, type, eventId, sizeBytes, limitBytes };
  }
}

export const isEventTooLargeForBus = (error: unknown): error is EventTooLargeForBus =>
  error instanceof Error && (error as { code?: unknown }).code === EventTooLargeForBus.code;
