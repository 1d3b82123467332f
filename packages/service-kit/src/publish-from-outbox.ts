// The outbox holds every event a service appended; only public (registered) events go on the bus.
// Internal events (e.g. UploadInitiated) are marked published without leaving the service.
import { isEventName } from '@mediaflow/contracts';
import type { EventPublisher } from '@mediaflow/bus';
import { toBusEnvelope, type PublishOutboxEntries } from '@mediaflow/event-store';

export const publishPublicEvents =
  (publisher: EventPublisher): PublishOutboxEntries =>
  async (entries) => {
    const envelopes = entries.filter((e) => isEventName(e.type)).map(toBusEnvelope);
    if (envelopes.length > 0) await publisher.publish(envelopes);
  };
