// Acknowledges handled messages with DeleteMessageBatch: up to 10 receipts per call, flushed when
// full or shortly after the first one arrives. A failed delete only means a redelivery (at-least-once).
import { DeleteMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@mediaflow/logging';

export class SqsBatchDeleter {
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly logger: Logger,
    private readonly delayMs = 50,
  ) {}

  add(receiptHandle: string): void {
    this.pending.push(receiptHandle);
    if (this.pending.length >= 10) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Sends everything pending; resolves when every delete call so far has answered. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) {
      const receipts = this.pending.splice(0, 10);
      this.flushing = Promise.all([this.flushing, this.deleteBatch(receipts)]).then(() => undefined);
    }
    return this.flushing;
  }

  private async deleteBatch(receipts: string[]): Promise<void> {
    try {
      const out = await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: receipts.map((ReceiptHandle, i) => ({ Id: String(i), ReceiptHandle })),
        }),
      );
      for (const f of out.Failed ?? [])
        this.logger.warn('delete failed; the message will be redelivered', {
          code: f.Code,
          reason: f.Message,
        });
    } catch (error) {
      this.logger.warn('DeleteMessageBatch failed; the messages will be redelivered', {
        error: error as Error,
      });
    }
  }
}
