// The outbox port: every appended event is also a pending outbox entry, written in the same
// transaction, which the OutboxRelay hands to the bus and then marks published.
import type { BusEnvelope, ServiceName } from '@mediaflow/contracts';
import type { StoredEvent } from './event-store';

export interface OutboxEntry extends StoredEvent {
  /** The adapter's position of the entry; entries are claimed in ascending append order. */
  readonly outboxId: string;
  /** EventBridge `source` of the owning service, `mediaflow.<service>`. */
  readonly source: `mediaflow.${ServiceName}`;
}

export interface ClaimRequest {
  /** Identifies one relay process; only the holder of the claim gets entries. */
  readonly relayId: string;
  readonly limit: number;
  /** How long the claim protects the entries if the relay dies without releasing it. */
  readonly leaseMs: number;
}

export interface Outbox {
  /**
   * The oldest pending entries, oldest first, if `relayId` holds (or can take) the outbox's claim;
   * [] when there is nothing pending or another live relay holds the claim.
   */
  claimPending(request: ClaimRequest): Promise<OutboxEntry[]>;
  /** Marks entries published; an entry already marked stays as it is. */
  markPublished(entries: readonly OutboxEntry[]): Promise<void>;
  /** Gives the claim back early so another relay need not wait for the lease to run out. */
  releaseClaim(relayId: string): Promise<void>;
}

/** The bus envelope of an entry: what EventBridge (or the embedded bus) publishes. */
export const toBusEnvelope = (entry: OutboxEntry): BusEnvelope => ({
  source: entry.source,
  'detail-type': entry.type,
  detail: { metadata: entry.metadata, data: entry.data },
});
