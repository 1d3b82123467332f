// The publishing side of the bus: what an outbox relay or a stream handler calls.
import type { BusEnvelope } from '@mediaflow/contracts';

export interface EventPublisher {
  /**
   * Validates every envelope first and refuses the whole call (InvalidEnvelope, EventTooLarge)
   * before anything is sent. Then delivers at least once; on a partial failure throws PublishFailed
   * naming the events that were not accepted, so a retry of the whole call is always safe.
   */
  publish(envelopes: readonly BusEnvelope[]): Promise<void>;
}
