// What the embedded deployment prunes, and how old it must be (MEDIAFLOW_RETENTION_SECONDS): the bus
// log (one pruner for the process, beside the bus) and each service's published outbox rows and
// inbox entries (one pruner per service, started with its runtime).
import type { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { SqliteBus } from '@mediaflow/bus/sqlite';
import type { SqliteRetention } from '@mediaflow/event-store/sqlite';
import type { Logger } from '@mediaflow/logging';
import type { InfrastructureSettings } from './infrastructure-config';
import { RetentionPruner } from './retention-pruner';

type RetentionSettings = Pick<InfrastructureSettings, 'retentionMs' | 'pruneIntervalMs'>;

interface PrunerOptions {
  readonly settings: RetentionSettings;
  readonly logger: Logger;
  /** The clock the cutoffs are computed from (tests move it forward). */
  readonly now?: () => Date;
}

const before = (now: Date, ms: number): Date => new Date(now.getTime() - ms);

/**
 * A write to local blob storage untouched this long was abandoned (its process was killed mid-PUT or
 * mid-output): a write in progress touches its file with every chunk.
 */
export const ABANDONED_WRITE_MS = 60 * 60 * 1000;

/** Prunes the bus log: delivered events older than the retention (never pending ones or dead letters). */
export const busRetentionPruner = (bus: SqliteBus, { settings, logger, now }: PrunerOptions): RetentionPruner =>
  new RetentionPruner({
    steps: [{ name: 'bus log', cutoff: (at) => before(at, settings.retentionMs), batch: (cutoff, limit) => bus.prune(cutoff, limit) }],
    intervalMs: settings.pruneIntervalMs,
    logger,
    ...(now && { now }),
  });

/**
 * Prunes a service's store file: published outbox rows older than the retention, and inbox entries
 * older than both the retention and the oldest event the bus log still holds. An event still in the
 * log can be redelivered (its delivery is pending) or replayed; it was handled no earlier than it was
 * published, so its inbox entry is newer than that oldest event and stays: the redelivery is
 * recognised as already handled, however short the retention.
 */
export const storeRetentionPruner = (
  retention: SqliteRetention,
  bus: Pick<SqliteBus, 'oldestEventAt'>,
  { settings, logger, now }: PrunerOptions,
  blobs: Readonly<Record<string, Pick<LocalDiskBlobStorage, 'removeAbandonedWrites'>>> = {},
): RetentionPruner =>
  new RetentionPruner({
    steps: [
      { name: 'outbox', cutoff: (at) => before(at, settings.retentionMs), batch: (cutoff, limit) => retention.pruneOutbox(cutoff, limit) },
      {
        name: 'inbox',
        cutoff: (at) => {
          const byAge = before(at, settings.retentionMs);
          const oldestInLog = bus.oldestEventAt();
          return oldestInLog && oldestInLog < byAge ? oldestInLog : byAge;
        },
        batch: (cutoff, limit) => retention.pruneInbox(cutoff, limit),
      },
      ...Object.entries(blobs).map(([storageName, storage]) => ({
        name: `abandoned writes in ${storageName}`,
        cutoff: (at: Date) => before(at, ABANDONED_WRITE_MS),
        batch: (cutoff: Date, limit: number) => storage.removeAbandonedWrites(cutoff, limit),
      })),
    ],
    intervalMs: settings.pruneIntervalMs,
    logger,
    ...(now && { now }),
  });
