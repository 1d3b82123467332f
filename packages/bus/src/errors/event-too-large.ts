// Thrown before sending when an event is over EventBridge's entry limit. Both adapters enforce it,
// so an event that works embedded also works on AWS. Large payloads belong in blob storage.
export class EventTooLarge extends Error {
  static readonly code = 'EVENT_TOO_LARGE';
  readonly code = EventTooLarge.code;
  override readonly name = 'EventTooLarge';

  constructor(
    readonly eventId: string,
    readonly detailType: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`${detailType} ${eventId} is ${sizeBytes} bytes, over the ${limitBytes}-byte event limit`);
  }

  toJSON() {
    const { name, code, message, eventId, detailType, sizeBytes, limitBytes } = this;
    return { name, code, message, eventId, detailType, sizeBytes, limitBytes };
  }
}

