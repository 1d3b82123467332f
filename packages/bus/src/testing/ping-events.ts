// Test events for the bus contract: Ping v1 and v2 and Pong v1, with a small zod validator standing in
// for contracts' registry, so the bus is tested without depending on the real event catalogue.
import { randomUUID } from 'node:crypto';
import { BusEnvelopeSchema, sourceOf, type BusEnvelope, type ServiceName } from '@mediaflow/contracts';
import { z } from 'zod';
import type { EnvelopeValidator } from '../ports/envelope-validator';

const DATA: Record<string, z.ZodType> = {
  'Ping@1': z.object({ n: z.number().int(), note: z.string().optional() }),
  'Ping@2': z.object({ n: z.number().int(), label: z.string() }),
  'Pong@1': z.object({}),
};

class UnknownTestEvent extends Error {
  readonly code = 'UNKNOWN_EVENT';
  override readonly name = 'UnknownTestEvent';
}

export const validateTestEnvelope: EnvelopeValidator = (raw) => {
  const envelope = BusEnvelopeSchema.parse(raw);
  const key = `${envelope['detail-type']}@${envelope.detail.metadata.version}`;
  const schema = DATA[key];
  if (!schema) throw new UnknownTestEvent(`no test event ${key}`);
  return { ...envelope, detail: { ...envelope.detail, data: schema.parse(envelope.detail.data) } };
};

/** An envelope from `from`; data is not checked here (the validator does that at publish). */
export const testEvent = (
  from: ServiceName,
  name: 'Ping' | 'Pong',
  version: number,
  data: unknown,
): BusEnvelope => ({
  source: sourceOf(from),
  'detail-type': name,
  detail: {
    metadata: {
      eventId: randomUUID(),
      version,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      ownerId: 'user-1',
    },
    data,
  },
});

export const eventIdOf = (e: BusEnvelope): string => e.detail.metadata.eventId;
