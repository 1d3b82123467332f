// Read access to what a consumer gave up on: for tests, admin screens and replays.
import type { BusEnvelope } from '@mediaflow/contracts';

export interface DeadLetterError {
  /** Stable code of the last error (e.g. CONTRACT_VIOLATION), or its name when it has none. */
  readonly code: string;
  readonly message: string;
  /** Validation issues when the envelope broke its contract. */
  readonly issues?: readonly { path: string; message: string }[];
}

interface DeadLetterBase {
  readonly error: DeadLetterError;
  readonly attempts: number;
  readonly deadLetteredAt: Date;
}

/** The envelope when it was valid (a handler kept failing), otherwise what the transport held. */
export type DeadLetter = DeadLetterBase & ({ readonly envelope: BusEnvelope } | { readonly raw: unknown });

export interface DeadLetters {
  /** Oldest first. Reading does not remove anything. */
  list(): Promise<DeadLetter[]>;
}
