// How the bus checks an envelope before sending it and after receiving it. Injected, so the bus does
// not depend on the event registry: composition roots pass contracts' `parseBusEnvelope`.
import type { BusEnvelope } from '@mediaflow/contracts';

/** Returns the validated envelope or throws (contracts' ContractViolation / UnknownEvent, or any error). */
export type EnvelopeValidator = (raw: unknown) => BusEnvelope;
