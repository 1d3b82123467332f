// The production EnvelopeValidator: contracts' registry checks the envelope, the publisher, the
// registered version and the data. parseBusEnvelope returns the flattened KnownEvent; the bus keeps
// carrying the envelope shape, so the parsed parts are put back into it.
import { parseBusEnvelope } from '@mediaflow/contracts';
import type { EnvelopeValidator } from './ports/envelope-validator';

/** @throws ContractViolation, UnknownEvent (from @mediaflow/contracts) */
export const validateWithContracts: EnvelopeValidator = (raw) => {
  const event = parseBusEnvelope(raw);
  return {
    source: event.source,
    'detail-type': event.name,
    detail: { metadata: event.metadata, data: event.data },
  };
};
