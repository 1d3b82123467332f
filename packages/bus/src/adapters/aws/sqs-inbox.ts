// What a consumer does to messages it received from its inbox: acknowledge (batched delete), hide
// for a while (heartbeat, retry backoff) or show again, and move to the dead-letter queue with the error.
import {
  ChangeMessageVisibilityCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Logger } from '@mediaflow/logging';
import type { DeadLetterError } from '../../ports/dead-letters';
import { SqsBatchDeleter } from './sqs-batch-deleter';
import { deadLetterAttributes } from './sqs-message';

export class SqsInbox {
  private readonly deleter: SqsBatchDeleter;

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly deadLetterQueueUrl: string,
    private readonly logger: Logger,
  ) {
    this.deleter = new SqsBatchDeleter(client, queueUrl, logger);
  }

  ack(receiptHandle: string): void {
    this.deleter.add(receiptHandle);
  }

  /** Sends outstanding acknowledgements. */
  flush(): Promise<void> {
    return this.deleter.flush();
  }

  /** Best effort: on failure the message simply reappears when its current timeout ends. */
  async setVisibility(receiptHandle: string, seconds: number): Promise<void> {
    try {
      await this.client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    } catch (error) {
      this.logger.warn('ChangeMessageVisibility failed', { seconds, error: error as Error });
    }
  }

  /** Body unchanged (a DLQ redrive replays it as it was), our error as message attributes; then acknowledged. */
  async deadLetter(message: Message, error: DeadLetterError, attempts: number): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.deadLetterQueueUrl,
        MessageBody: message.Body ?? '',
        MessageAttributes: deadLetterAttributes(error, attempts, new Date()),
      }),
    );
    this.ack(message.ReceiptHandle ?? '');
  }
}
