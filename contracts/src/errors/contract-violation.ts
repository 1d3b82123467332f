// Thrown when a value does not satisfy a published contract (the envelope, or an event's data).
// A consumer should dead-letter it: retrying the same message cannot succeed.
import type { ContractIssue } from './contract-issue';

/** Which part of the message broke the contract. */
export type ContractPart = 'envelope' | 'data';

export interface ContractViolationDetails {
  readonly part: ContractPart;
  readonly issues: readonly ContractIssue[];
  /** Known when the envelope got far enough to name the event. */
  readonly eventName?: string | undefined;
  readonly eventVersion?: number | undefined;
  readonly cause?: unknown;
}

export class ContractViolation extends Error {
  static readonly code = 'CONTRACT_VIOLATION';
  readonly code = ContractViolation.code;
  override readonly name = 'ContractViolation';
  readonly part: ContractPart;
  readonly issues: readonly ContractIssue[];
  readonly eventName: string | undefined;
  readonly eventVersion: number | undefined;

  constructor(details: ContractViolationDetails) {
    super(describe(details), { cause: details.cause });
    this.part = details.part;
    this.issues = details.issues;
    this.eventName = details.eventName;
    this.eventVersion = details.eventVersion;
  }

  /** What a log line or a dead-letter record needs; `Error` itself serialises to `{}`. */
  toJSON() {
    const { name, code, message, part, eventName, eventVersion, issues } = this;
    return { name, code, message, part, eventName, eventVersion, issues };
  }
}

const describe = ({ part, issues, eventName, eventVersion }: ContractViolationDetails): string => {
  const subject = eventName === undefined ? 'event envelope' : `${eventName}.v${eventVersion ?? '?'} ${part}`;
  const listed = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  return `${subject} breaks its contract: ${listed}`;
};

/** Checks the code rather than `instanceof`, so it holds across two installed copies of this package. */
export const isContractViolation = (error: unknown): error is ContractViolation =>
  error instanceof Error && (error as { code?: unknown }).code === ContractViolation.code;
