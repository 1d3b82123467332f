// Thrown when the transport kept refusing some events after bounded retries. Events not listed in
// `failed` were accepted, so a caller may retry only the failed ones (or everything: consumers dedupe).
export interface FailedEvent {
  readonly eventId: string;
  readonly detailType: string;
  /** The transport's code, e.g. EventBridge's per-entry ErrorCode (ThrottlingException). */
  readonly code: string;
  readonly message: string;
}

export class PublishFailed extends Error {
  static readonly code = 'PUBLISH_FAILED';
  readonly code = PublishFailed.code;
  override readonly name = 'PublishFailed';

  constructor(
    readonly failed: readonly FailedEvent[],
    readonly attempts: number,
    cause?: unknown,
  ) {
    const listed = failed.map((f) => `${f.detailType} ${f.eventId} (${f.code}: ${f.message})`).join('; ');
    super(`${failed.length} event(s) not published after ${attempts} attempt(s): ${listed}`, { cause });
  }

  toJSON() {
    const { name, code, message, failed, attempts } = this;
    return { name, code, message, failed, attempts };
  }
}

