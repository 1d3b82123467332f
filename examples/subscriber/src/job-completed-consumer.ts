// Reads the subscriber's SQS queue (fed by its rule on mediaflow's bus): each message is the
// EventBridge event, parsed and type-checked by @mediaflow/contracts, acted on once per eventId
// (detail.metadata.eventId, which redeliveries and archive replays keep), then deleted.
// A message that breaks the contract is left in the queue: after maxReceiveCount receives SQS moves it
// to the DLQ, where the kit's alarm fires.
import { DeleteMessageCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { parseBusEnvelope, type KnownEventOf } from '@mediaflow/contracts';
import type { ProcessedEvents } from './processed-events';

export type JobCompleted = Extract<KnownEventOf<'JobCompleted'>, { version: 1 }>;

export interface PollResult {
  readonly handled: number;
  readonly duplicates: number;
  /** Messages that break the contract, left for the DLQ. */
  readonly rejected: number;
}

export class JobCompletedConsumer {
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly processed: ProcessedEvents,
    private readonly onJobCompleted: (event: JobCompleted) => Promise<void>,
  ) {}

  /** One receive (long poll of `waitSeconds`) and the messages it returned. */
  async pollOnce(waitSeconds = 20): Promise<PollResult> {
    const { Messages = [] } = await this.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: waitSeconds }),
    );
    const result = { handled: 0, duplicates: 0, rejected: 0 };
    for (const message of Messages) result[await this.handle(message)] += 1;
    return result;
  }

  private async handle(message: Message): Promise<keyof PollResult> {
    let event;
    try {
      event = parseBusEnvelope(JSON.parse(message.Body ?? ''));
    } catch {
      return 'rejected';
    }
    if (event.name !== 'JobCompleted' || event.version !== 1) return 'rejected';
    const duplicate = this.processed.has(event.metadata.eventId);
    if (!duplicate) {
      await this.onJobCompleted(event);
      // A crash here acts twice on the next delivery: keep the effect idempotent, or record the id
      // in the same transaction as the effect.
      this.processed.add(event.metadata.eventId);
    }
    await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    return duplicate ? 'duplicates' : 'handled';
  }

  /** Polls until stop(); `onPoll` sees each poll's counts. */
  start(options: { waitSeconds?: number; onPoll?: (r: PollResult) => void } = {}): void {
    const loop = async () => {
      while (!this.stopping) {
        try {
          options.onPoll?.(await this.pollOnce(options.waitSeconds));
        } catch {
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    };
    this.running = loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }
}
