// Thrown by publish when an envelope fails validation: the whole call is refused, nothing is sent.
import { describeFailure } from './describe-failure';
import type { DeadLetterError } from '../ports/dead-letters';

export class InvalidEnvelope extends Error {
  static readonly code = 'INVALID_ENVELOPE';
  readonly code = InvalidEnvelope.code;
  override readonly name = 'InvalidEnvelope';
  /** The validator's verdict (code CONTRACT_VIOLATION, UNKNOWN_EVENT, ...) as plain data. */
  readonly reason: DeadLetterError;

  constructor(
    /** Position of the first invalid envelope in the published array. */
    readonly index: number,
    cause: unknown,
  ) {
    const reason = describeFailure(cause);
    super(`envelope #${index} was refused before publishing: ${reason.message}`, { cause });
    this.reason = reason;
  }

  toJSON() {
    const { name, code, message, index, reason } = this;
    return { name, code, message, index, reason };
  }
}

