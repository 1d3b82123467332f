// A service declares once what it consumes; the embedded bus, the emulator bootstrap and the cdktf
// stacks all read this declaration, so a subscription cannot exist in one mode and not another.
import type { ServiceName } from '@mediaflow/contracts';

export interface Subscription {
  /** Producing service, e.g. 'ingest' → source `mediaflow.ingest`. */
  readonly from: ServiceName;
  /** Event name (the EventBridge detail-type). */
  readonly event: string;
  /** Major versions this consumer understands. */
  readonly versions: readonly number[];
}

export interface ServiceDeclaration {
  readonly service: ServiceName;
  /** Events this service consumes from the bus. */
  readonly subscriptions: readonly Subscription[];
  /** Delivery attempts before a message is dead-lettered (SQS maxReceiveCount, embedded bus attempts). */
  readonly maxAttempts: number;
  /** How long a consumer may hold a message before it is redelivered (SQS visibility timeout). */
  readonly visibilityTimeoutSeconds: number;
}

export const declareService = (declaration: ServiceDeclaration): ServiceDeclaration => {
  const seen = new Set<string>();
  for (const s of declaration.subscriptions) {
    const key = `${s.from}/${s.event}`;
    if (seen.has(key)) throw new Error(`${declaration.service} subscribes to ${key} twice`);
    if (s.versions.length === 0) throw new Error(`${declaration.service}: ${key} names no version`);
    seen.add(key);
  }
  return Object.freeze(declaration);
};
