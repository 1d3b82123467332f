// Publishes envelopes to one EventBridge bus with PutEvents: validated and size-checked first, sent in
// batches of at most 10 entries, and only the entries EventBridge refused are retried, with backoff.
import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { BusEnvelope } from '@mediaflow/contracts';
import { createLogger, type Logger } from '@mediaflow/logging';
import { describeFailure } from '../../errors/describe-failure';
import { PublishFailed, type FailedEvent } from '../../errors/publish-failed';
import type { EnvelopeValidator } from '../../ports/envelope-validator';
import type { EventPublisher } from '../../ports/event-publisher';
import { chunkForPutEvents, prepareForPublish, type OutgoingEvent } from '../../prepare-for-publish';
import { exponentialBackoff, sleep, type RetryDelay } from '../../retry-delay';

/** Per-entry codes a retry cannot fix. Anything else (ThrottlingException, InternalFailure, ...) is retried. */
const PERMANENT_ENTRY_ERRORS = new Set([
  'InvalidArgument',
  'MalformedDetail',
  'AccessDeniedException',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
]);

interface EventBridgePublisherOptions {
  readonly client: EventBridgeClient;
  readonly busName: string;
  readonly validate: EnvelopeValidator;
  /** Attempts per entry, the first included (default 4). Request-level errors are the SDK's to retry. */
  readonly maxAttempts?: number;
  readonly retryDelay?: RetryDelay;
  readonly logger?: Logger;
}

export class EventBridgePublisher implements EventPublisher {
  private readonly maxAttempts: number;
  private readonly retryDelay: RetryDelay;
  private readonly logger: Logger;

  constructor(private readonly options: EventBridgePublisherOptions) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.retryDelay = options.retryDelay ?? exponentialBackoff({ baseMs: 100, maxMs: 2000 });
    this.logger = options.logger ?? createLogger('bus');
  }

  async publish(envelopes: readonly BusEnvelope[]): Promise<void> {
    const events = prepareForPublish(envelopes, this.options.validate);
    const failed: FailedEvent[] = [];
    let cause: unknown;
    // Every batch is attempted even after one fails, so a PublishFailed lists exactly what is missing.
    for (const batch of chunkForPutEvents(events)) {
      const result = await this.sendBatch(batch);
      failed.push(...result.failed);
      cause ??= result.cause;
    }
    if (failed.length > 0) throw new PublishFailed(failed, this.maxAttempts, cause);
  }

  private async sendBatch(batch: OutgoingEvent[]): Promise<{ failed: FailedEvent[]; cause?: unknown }> {
    const gaveUp: FailedEvent[] = [];
    let pending = batch;
    for (let attempt = 1; ; attempt += 1) {
      let results;
      try {
        const output = await this.options.client.send(
          new PutEventsCommand({ Entries: pending.map((e) => this.entryOf(e)) }),
        );
        results = output.Entries ?? [];
      } catch (error) {
        // The SDK has already retried this request; the whole batch is reported failed.
        const { code, message } = describeFailure(error);
        return { failed: [...gaveUp, ...pending.map((e) => failureOf(e, code, message))], cause: error };
      }
      const retry: OutgoingEvent[] = [];
      const refusedCodes: string[] = [];
      pending.forEach((event, i) => {
        const result = results[i];
        if (result?.EventId && !result.ErrorCode) return;
        const code = result?.ErrorCode ?? 'MissingResultEntry';
        const message = result?.ErrorMessage ?? 'EventBridge returned no result for this entry';
        refusedCodes.push(code);
        if (PERMANENT_ENTRY_ERRORS.has(code) || attempt >= this.maxAttempts)
          gaveUp.push(failureOf(event, code, message));
        else retry.push(event);
      });
      if (retry.length === 0) {
        if (gaveUp.length > 0)
          this.logger.error('PutEvents refused entries; giving up on them', {
            attempt,
            failed: gaveUp.map(({ eventId, detailType, code }) => ({ eventId, detailType, code })),
          });
        return { failed: gaveUp };
      }
      this.logger.warn('PutEvents refused some entries; resending only those', {
        attempt,
        sent: pending.length,
        refused: refusedCodes.length,
        retrying: retry.length,
        codes: [...new Set(refusedCodes)],
      });
      await sleep(this.retryDelay(attempt));
      pending = retry;
    }
  }

  private entryOf(event: OutgoingEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.options.busName,
      Source: event.envelope.source,
      DetailType: event.envelope['detail-type'],
      Detail: event.detail,
    };
  }
}

const failureOf = (event: OutgoingEvent, code: string, message: string): FailedEvent => ({
  eventId: event.envelope.detail.metadata.eventId,
  detailType: event.envelope['detail-type'],
  code,
  message,
});
