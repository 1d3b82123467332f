// The two shapes a message takes in our queues: in the inbox, the whole EventBridge event that the
// rule target delivered; in the dead-letter queue, that same body plus our error as message attributes
// (the body stays untouched so a DLQ redrive back to the inbox replays the original event).
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { DeadLetterError } from '../../ports/dead-letters';

class MalformedMessage extends Error {
  static readonly code = 'MALFORMED_MESSAGE';
  readonly code = MalformedMessage.code;
  override readonly name = 'MalformedMessage';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON of a body, or MalformedMessage. */
export const parseBody = (body: string | undefined): Record<string, unknown> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch (cause) {
    throw new MalformedMessage('the message body is not JSON', { cause });
  }
  if (!isRecord(parsed)) throw new MalformedMessage('the message body is not a JSON object');
  return parsed;
};

/** The envelope part of an EventBridge event (source, detail-type, detail), still unvalidated. */
export const envelopeCandidateOf = (event: Record<string, unknown>): unknown => ({
  source: event.source,
  'detail-type': event['detail-type'],
  detail: event.detail,
});

const ATTR = {
  code: 'mediaflow.error.code',
  message: 'mediaflow.error.message',
  issues: 'mediaflow.error.issues',
  attempts: 'mediaflow.attempts',
  at: 'mediaflow.dead-lettered-at',
} as const;

const text = (StringValue: string): MessageAttributeValue => ({ DataType: 'String', StringValue });

export const deadLetterAttributes = (
  error: DeadLetterError,
  attempts: number,
  at: Date,
): Record<string, MessageAttributeValue> => ({
  [ATTR.code]: text(error.code),
  // SQS rejects empty string attributes.
  [ATTR.message]: text(error.message || '(no message)'),
  ...(error.issues?.length ? { [ATTR.issues]: text(JSON.stringify(error.issues).slice(0, 16_000)) } : {}),
  [ATTR.attempts]: { DataType: 'Number', StringValue: String(attempts) },
  [ATTR.at]: text(at.toISOString()),
});

export interface RecordedFailure {
  readonly error: DeadLetterError;
  readonly attempts: number;
  readonly deadLetteredAt: Date;
}

/** Our attributes back, or undefined for a message the redrive policy moved (SQS keeps no error). */
export const recordedFailureOf = (
  attributes: Record<string, MessageAttributeValue> | undefined,
): RecordedFailure | undefined => {
  const code = attributes?.[ATTR.code]?.StringValue;
  if (!attributes || code === undefined) return undefined;
  const issues = attributes[ATTR.issues]?.StringValue;
  return {
    error: {
      code,
      message: attributes[ATTR.message]?.StringValue ?? '',
      ...(issues ? { issues: JSON.parse(issues) as DeadLetterError['issues'] } : {}),
    },
    attempts: Number(attributes[ATTR.attempts]?.StringValue ?? '0'),
    deadLetteredAt: new Date(attributes[ATTR.at]?.StringValue ?? 0),
  };
};
