// Helpers for bus tests: a handler that records what it got, and waiting for a condition with a deadline.
import type { BusEnvelope } from '@mediaflow/contracts';
import type { DeliveryContext, EventHandler } from '../ports/event-consumer';

export interface Delivery {
  readonly event: BusEnvelope;
  readonly ctx: DeliveryContext;
}

/** Records every delivery, then runs `behaviour` (default: succeed). */
export const recorder = (behaviour: EventHandler = async () => undefined) => {
  const deliveries: Delivery[] = [];
  const handler: EventHandler = async (event, ctx) => {
    deliveries.push({ event, ctx });
    await behaviour(event, ctx);
  };
  return { handler, deliveries, eventIds: () => deliveries.map((d) => d.event.detail.metadata.eventId) };
};

export const waitFor = async <T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
