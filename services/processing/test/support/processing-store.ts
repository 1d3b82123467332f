// processing's real SQLite event store in a temp folder, and helpers to seed and read its streams.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore } from '@mediaflow/event-store/sqlite';
import { type EventStore } from '@mediaflow/event-store';
import { createLogger, type Logger } from '@mediaflow/logging';
import { randomIds, type Clock } from '@mediaflow/service-kit';
import { transcodeStreamId, type TranscodeEvent } from '../../src/domain/transcode-events';

export interface TempStore {
  readonly dir: string;
  readonly store: EventStore;
  close(): void;
}

export const openTempStore = (): TempStore => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-processing-'));
  const file = openSqliteEventStore({
    filename: path.join(dir, 'processing.events.sqlite'),
    service: 'processing',
  });
  return {
    dir,
    store: file.store,
    close: () => {
      file.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Appends `events` to the job's stream as if they happened at `at`. */
export const seed = async (
  store: EventStore,
  jobId: string,
  events: readonly TranscodeEvent[],
  at = new Date(),
): Promise<void> => {
  const current = await store.read(transcodeStreamId(jobId));
  const metadata = () => ({
    eventId: randomUUID(),
    version: 1,
    occurredAt: at.toISOString(),
    correlationId: 'corr-1',
    causationId: null,
    ownerId: 'owner-1',
  });
  await store.append(
    transcodeStreamId(jobId),
    current.length,
    events.map((e) => ({ ...e, metadata: metadata() })),
  );
};

export const typesOf = async (store: EventStore, jobId: string): Promise<string[]> =>
  (await store.read(transcodeStreamId(jobId))).map((e) => e.type);

export const dataOf = async (store: EventStore, jobId: string, type: string): Promise<unknown[]> =>
  (await store.read(transcodeStreamId(jobId))).filter((e) => e.type === type).map((e) => e.data);

/** A clock the test moves by hand. */
export const manualClock = (start = Date.now()): Clock & { advance(ms: number): void } => {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
};

export const quietLogger = (): Logger => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return logger;
};

export const testIds = randomIds;
