// The event the bench appends and publishes (a real public contract, JobCancelled.v1 from jobs, so
// the bus validates it like production traffic) and the subscriber that consumes it.
import { randomUUID } from 'node:crypto';
import { sourceOf, type BusEnvelope } from '@mediaflow/contracts';
import type { NewEvent } from '@mediaflow/event-store';
import { declareService } from '@mediaflow/topology';

export const PRODUCER = 'jobs' as const;

export const benchSubscriber = declareService({
  service: 'notifications',
  subscriptions: [{ from: PRODUCER, event: 'JobCancelled', versions: [1] }],
  maxAttempts: 3,
  visibilityTimeoutSeconds: 30,
});

/** A JobCancelled.v1 ready to append; its eventId is the key latency samples are matched on. */
export const newBenchEvent = (jobId: string): NewEvent => ({
  type: 'JobCancelled',
  data: { jobId, reason: 'bench' },
  metadata: {
    eventId: randomUUID(),
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    ownerId: 'bench-owner',
  },
});

/** The same event as the relay would put it on the bus, for the bare-bus baseline. */
export const benchEnvelope = (jobId: string): BusEnvelope => {
  const event = newBenchEvent(jobId);
  return {
    source: sourceOf(PRODUCER),
    'detail-type': event.type,
    detail: { metadata: event.metadata, data: event.data },
  };
};
