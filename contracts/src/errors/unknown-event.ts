// Thrown when no contract is registered for an event name, or for that major version of it. A consumer
// subscribed only to versions it knows should never see one; when it does, the routing is wrong.
export interface UnknownEventDetails {
  readonly eventName: string;
  readonly eventVersion?: number | undefined;
  /** Versions registered for the name; empty when the name itself is unknown. */
  readonly knownVersions: readonly number[];
  readonly cause?: unknown;
}

export class UnknownEvent extends Error {
  static readonly code = 'UNKNOWN_EVENT';
  readonly code = UnknownEvent.code;
  override readonly name = 'UnknownEvent';
  readonly eventName: string;
  readonly eventVersion: number | undefined;
  readonly knownVersions: readonly number[];

  constructor(details: UnknownEventDetails) {
    super(describe(details), { cause: details.cause });
    this.eventName = details.eventName;
    this.eventVersion = details.eventVersion;
    this.knownVersions = details.knownVersions;
  }

  toJSON() {
    const { name, code, message, eventName, eventVersion, knownVersions } = this;
    return { name, code, message, eventName, eventVersion, knownVersions };
  }
}

const describe = ({ eventName, eventVersion, knownVersions }: UnknownEventDetails): string =>
  knownVersions.length === 0
    ? `no event named "${eventName}" is registered`
    : `${eventName} has no registered version ${eventVersion ?? '(none given)'}; known: ${knownVersions.join(', ')}`;

/** Checks the code rather than `instanceof`, so it holds across two installed copies of this package. */
export const isUnknownEvent = (error: unknown): error is UnknownEvent =>
  error instanceof Error && (error as { code?: unknown }).code === UnknownEvent.code;
