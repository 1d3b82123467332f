// Consumes one service's SQS inbox (fed by its EventBridge rules): long polling, bounded concurrency,
// a visibility heartbeat for long handlers, batched deletes of successes, backoff for failures, and
// dead-lettering with the error kept: at once for an invalid envelope, after maxAttempts for a handler.
import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { BusEnvelope } from '@mediaflow/contracts';
import { createLogger, withCorrelation, type Logger } from '@mediaflow/logging';
import type { ServiceDeclaration } from '@mediaflow/topology';
import { describeFailure } from '../../errors/describe-failure';
import { InFlight } from '../../in-flight';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import type { EventConsumer, EventHandler } from '../../ports/event-consumer';
import { exponentialBackoff, sleep, type RetryDelay } from '../../retry-delay';
import { SqsInbox } from './sqs-inbox';
import { envelopeCandidateOf, parseBody } from './sqs-message';

interface SqsEventConsumerOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
  /** maxAttempts and visibilityTimeoutSeconds come from here, as they do for the provisioned queue. */
  readonly declaration: ServiceDeclaration;
  readonly validate: EnvelopeValidator;
  /** Handlers running at once (default 10). */
  readonly concurrency?: number;
  /** Long-polling wait, 0..20 s (default 20). */
  readonly waitTimeSeconds?: number;
  /** How long a failed message stays invisible before its next attempt (rounded up to seconds). */
  readonly retryDelay?: RetryDelay;
  /** How long stop() waits for running handlers (default: the visibility timeout). */
  readonly stopTimeoutMs?: number;
  readonly logger?: Logger;
}

interface ActiveDelivery {
  readonly receiptHandle: string;
  readonly heartbeat: NodeJS.Timeout;
  abandoned: boolean;
}

export class SqsEventConsumer implements EventConsumer {
  private readonly inFlight: InFlight;
  private readonly inbox: SqsInbox;
  private readonly logger: Logger;
  private readonly retryDelay: RetryDelay;
  private readonly active = new Set<ActiveDelivery>();
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private running = false;

  constructor(private readonly options: SqsEventConsumerOptions) {
    this.logger = options.logger ?? createLogger(options.declaration.service, { component: 'sqs-consumer' });
    this.inFlight = new InFlight(options.concurrency ?? 10);
    this.inbox = new SqsInbox(options.client, options.queueUrl, options.deadLetterQueueUrl, this.logger);
    this.retryDelay = options.retryDelay ?? exponentialBackoff({ baseMs: 1000, maxMs: 5 * 60_000 });
  }

  async start(handler: EventHandler): Promise<void> {
    if (this.loop) throw new Error(`the ${this.options.declaration.service} consumer is already started`);
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.poll(handler);
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.running = false;
    this.abort.abort(); // ends a long poll now rather than after up to 20 s
    await this.loop;
    this.loop = undefined;
    const timeout = this.options.stopTimeoutMs ?? this.options.declaration.visibilityTimeoutSeconds * 1000;
    if (!(await this.inFlight.drain(timeout))) await this.releaseUnfinished();
    await this.inbox.flush();
  }

  private async poll(handler: EventHandler): Promise<void> {
    const { client, queueUrl, declaration } = this.options;
    while (this.running) {
      await this.inFlight.slot();
      if (!this.running) return;
      let messages: Message[];
      try {
        const out = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: Math.min(10, this.inFlight.free),
            WaitTimeSeconds: this.options.waitTimeSeconds ?? 20,
            VisibilityTimeout: declaration.visibilityTimeoutSeconds,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: this.abort.signal },
        );
        messages = out.Messages ?? [];
      } catch (error) {
        if (!this.running) return;
        this.logger.error('ReceiveMessage failed; polling again shortly', { error: error as Error });
        await sleep(1000);
        continue;
      }
      const receivedAt = new Date();
      for (const message of messages) {
        this.inFlight.track(
          this.deliver(message, handler, receivedAt).catch((error: unknown) =>
            this.logger.error('delivery bookkeeping failed; SQS will redeliver', { error: error as Error }),
          ),
        );
      }
    }
  }

  private async deliver(message: Message, handler: EventHandler, receivedAt: Date): Promise<void> {
    const attempt = Number(message.Attributes?.ApproximateReceiveCount ?? '1');
    let envelope: BusEnvelope;
    try {
      envelope = this.options.validate(envelopeCandidateOf(parseBody(message.Body)));
    } catch (error) {
      // Redelivering a message that breaks its contract cannot help: straight to the DLQ.
      this.logger.warn('invalid envelope dead-lettered', {
        messageId: message.MessageId,
        error: error as Error,
      });
      return this.inbox.deadLetter(message, describeFailure(error), attempt);
    }
    const delivery = this.begin(message);
    try {
      await handler(envelope, { attempt, receivedAt });
      if (!delivery.abandoned) this.inbox.ack(delivery.receiptHandle);
    } catch (error) {
      if (!delivery.abandoned) await this.handleFailure(message, envelope, error, attempt);
    } finally {
      clearInterval(delivery.heartbeat);
      this.active.delete(delivery);
    }
  }

  private async handleFailure(
    message: Message,
    envelope: BusEnvelope,
    error: unknown,
    attempt: number,
  ): Promise<void> {
    const { eventId, correlationId } = envelope.detail.metadata;
    const log = withCorrelation(this.logger, correlationId, { eventId });
    if (attempt >= this.options.declaration.maxAttempts) {
      log.error('handler failed on its last attempt; dead-lettering', { attempt, error: error as Error });
      return this.inbox.deadLetter(message, describeFailure(error), attempt);
    }
    // Seconds, as SQS wants them; 12 h is SQS's ceiling for a message's invisibility.
    const seconds = Math.min(43_200, Math.ceil(this.retryDelay(attempt) / 1000));
    log.warn('handler failed; retrying later', { attempt, retryInSeconds: seconds, error: error as Error });
    await this.inbox.setVisibility(message.ReceiptHandle ?? '', seconds);
  }

  /** Keeps the message invisible while its handler runs past half the visibility timeout. */
  private begin(message: Message): ActiveDelivery {
    const seconds = this.options.declaration.visibilityTimeoutSeconds;
    const receiptHandle = message.ReceiptHandle ?? '';
    // At least 500 ms apart, so a tiny (or zero) visibility timeout cannot turn this into a busy loop.
    const heartbeat = setInterval(
      () => void this.inbox.setVisibility(receiptHandle, seconds),
      Math.max(500, (seconds * 1000) / 2),
    );
    const delivery: ActiveDelivery = { receiptHandle, heartbeat, abandoned: false };
    this.active.add(delivery);
    return delivery;
  }

  /** After the stop timeout: make unfinished messages visible again for the next consumer. */
  private async releaseUnfinished(): Promise<void> {
    const unfinished = [...this.active];
    this.logger.warn('stopping with unfinished handlers; releasing their messages', {
      count: unfinished.length,
    });
    for (const delivery of unfinished) {
      delivery.abandoned = true;
      clearInterval(delivery.heartbeat);
      this.active.delete(delivery);
    }
    await Promise.all(unfinished.map((d) => this.inbox.setVisibility(d.receiptHandle, 0)));
  }
}
