// The consuming side of the bus: one consumer per service inbox, delivering at least once.
import type { BusEnvelope } from '@mediaflow/contracts';

export interface DeliveryContext {
  /** 1 on the first delivery; SQS ApproximateReceiveCount, or the embedded bus's attempt counter. */
  readonly attempt: number;
  readonly receivedAt: Date;
}

/** Resolving acknowledges the event; throwing leaves it for a retry, then the dead-letter store. */
export type EventHandler = (event: BusEnvelope, ctx: DeliveryContext) => Promise<void>;

export interface EventConsumer {
  /** Starts delivering in the background; resolves once the consumer is running. */
  start(handler: EventHandler): Promise<void>;
  /**
   * Stops taking new events and waits for in-flight handlers (up to the adapter's stop timeout);
   * an event whose handler has not finished by then is released unacknowledged for redelivery.
   */
  stop(): Promise<void>;
}
