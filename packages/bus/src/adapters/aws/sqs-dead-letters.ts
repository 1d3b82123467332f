// Reads a service's dead-letter queue without consuming it: receives everything with a short
// visibility, then makes it visible again. Messages the redrive policy moved carry no error of ours.
import {
  ChangeMessageVisibilityBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetters } from '../../ports/dead-letters';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import { envelopeCandidateOf, parseBody, recordedFailureOf, type RecordedFailure } from './sqs-message';

interface SqsDeadLettersOptions {
  readonly client: SQSClient;
  readonly deadLetterQueueUrl: string;
  readonly validate: EnvelopeValidator;
  /** The queue's maxReceiveCount: how many attempts a message moved by the redrive policy had. */
  readonly maxAttempts: number;
}

export class SqsDeadLetters implements DeadLetters {
  constructor(private readonly options: SqsDeadLettersOptions) {}

  async list(): Promise<DeadLetter[]> {
    const messages = await this.peekAll();
    return messages
      .map((m) => this.toDeadLetter(m))
      .sort((a, b) => a.deadLetteredAt.getTime() - b.deadLetteredAt.getTime());
  }

  private async peekAll(): Promise<Message[]> {
    const { client, deadLetterQueueUrl: QueueUrl } = this.options;
    const attrs = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    const visible = Number(attrs.Attributes?.ApproximateNumberOfMessages ?? '0');
    const hidden = Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible ?? '0');
    if (visible + hidden === 0) return [];
    const seen = new Map<string, Message>();
    try {
      // Long polls (1 s) ask every SQS host; stop once the approximate count is reached or a poll is empty.
      while (seen.size < visible) {
        const out = await client.send(
          new ReceiveMessageCommand({
            QueueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: 30,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['SentTimestamp'],
          }),
        );
        const batch = (out.Messages ?? []).filter((m) => m.MessageId && !seen.has(m.MessageId));
        if (batch.length === 0) break;
        for (const m of batch) seen.set(m.MessageId ?? '', m);
      }
    } finally {
      await this.release([...seen.values()]);
    }
    return [...seen.values()];
  }

  private async release(messages: Message[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      await this.options.client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.options.deadLetterQueueUrl,
          Entries: messages
            .slice(i, i + 10)
            .map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle ?? '', VisibilityTimeout: 0 })),
        }),
      );
    }
  }

  private toDeadLetter(message: Message): DeadLetter {
    const failure: RecordedFailure = recordedFailureOf(message.MessageAttributes) ?? {
      error: {
        code: 'MAX_RECEIVE_COUNT_EXCEEDED',
        message:
          'moved here by the queue redrive policy (no consumer recorded an error: it crashed or timed out)',
      },
      attempts: this.options.maxAttempts,
      // SQS keeps the original enqueue time when it moves a message: the closest it tells us.
      deadLetteredAt: new Date(Number(message.Attributes?.SentTimestamp ?? '0')),
    };
    let event: Record<string, unknown>;
    try {
      event = parseBody(message.Body);
    } catch {
      return { ...failure, raw: message.Body };
    }
    try {
      return { ...failure, envelope: this.options.validate(envelopeCandidateOf(event)) };
    } catch {
      return { ...failure, raw: event };
    }
  }
}
