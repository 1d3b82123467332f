// The jobs application over real adapters in a temp dir (SQLite event store and read model, the real
// planner), a settable clock, and a `deliver` that sends contract-valid envelopes through dispatchTo
// exactly as the bus consumer does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeadLetters } from '@mediaflow/bus';
import { makeEnvelope, type EventDataOf, type EventName } from '@mediaflow/contracts';
import { openSqliteEventStore, type SqliteEventStoreFile } from '@mediaflow/event-store/sqlite';
import { createLogger } from '@mediaflow/logging';
import { dispatchTo } from '@mediaflow/service-kit';
import { MediaPlanningRenditionPlanner } from '../../src/adapters/planning/media-planning-rendition-planner';
import { SqliteJobReadModel } from '../../src/adapters/local/sqlite-job-read-model';
import { createJobsApplication, type JobsApplication } from '../../src/application/jobs-application';
import { jobStreamId } from '../../src/domain/job-identity';
import { DEFAULT_POLICY_LIMITS } from '../../src/application/probe-verdict';
import { OWNER } from './job-samples';

process.env.LOG_LEVEL ??= 'SILENT';

export interface JobsHarness extends JobsApplication {
  readonly dir: string;
  readonly file: SqliteEventStoreFile;
  readonly readModel: SqliteJobReadModel;
  readonly logger: ReturnType<typeof createLogger>;
  /** Moves the clock the application sees. */
  setNow(iso: string): void;
  now(): Date;
  deliver<N extends EventName>(name: N, data: EventDataOf<N, 1>, options?: { eventId?: string; ownerId?: string }): Promise<string>;
  eventTypes(jobId: string): Promise<string[]>;
  close(): void;
}

let counter = 0;

export const createJobsHarness = (options: { deadLetters?: DeadLetters } = {}): JobsHarness => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-app-'));
  const file = openSqliteEventStore({ filename: path.join(dir, 'jobs.events.sqlite'), service: 'jobs' });
  const readModel = SqliteJobReadModel.open(path.join(dir, 'jobs.read.sqlite'));
  let now = new Date('2026-11-25T12:00:00.000Z');
  const clock = { now: () => now };
  const logger = createLogger('jobs');
  const app = createJobsApplication({
    store: file.store,
    readModel,
    planner: new MediaPlanningRenditionPlanner(),
    clock,
    ids: { next: () => `evt-${++counter}` },
    logger,
    limits: DEFAULT_POLICY_LIMITS,
    retry: { maxAttempts: 3, backoffSeconds: [10, 40], maxInterruptedAttempts: 10 },
    retryScanIntervalMs: 20,
    ...options,
  });
  const dispatch = dispatchTo(app.handlers, logger);
  return {
    ...app,
    dir,
    file,
    readModel,
    logger,
    setNow: (iso) => {
      now = new Date(iso);
    },
    now: () => now,
    deliver: async (name, data, options = {}) => {
      const eventId = options.eventId ?? `in-${++counter}`;
      const metadata = { eventId, version: 1 as const, occurredAt: now.toISOString(), correlationId: 'corr-1', causationId: null, ownerId: options.ownerId ?? OWNER };
      // The registry's generic types do not narrow here; makeEnvelope still validates at runtime.
      const envelope = (makeEnvelope as (n: string, d: unknown, m: unknown) => unknown)(name, data, metadata);
      await dispatch(envelope as Parameters<typeof dispatch>[0], { attempt: 1, receivedAt: now });
      return eventId;
    },
    eventTypes: async (jobId) => (await file.store.read(jobStreamId(jobId))).map((e) => e.type),
    close: () => {
      readModel.close();
      file.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
