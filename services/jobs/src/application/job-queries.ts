// The read side of the API: one job, an owner's jobs, a job's history, and the admin figures. Another
// owner's job is reported as missing (JobNotFound), never as forbidden, so ids cannot be probed.
import type { DeadLetters } from '@mediaflow/bus';
import type { EventStore } from '@mediaflow/event-store';
import type { Clock } from '@mediaflow/service-kit';
import { JobNotFound } from '../domain/job-errors';
import { isJobEvent } from '../domain/job-events';
import { jobStreamId } from '../domain/job-identity';
import type { JobListQuery, JobPage, JobReadModel, JobStats } from '../ports/job-read-model';
import type { JobView } from '../ports/job-view';
import { summarizeJobEvent, type EventSummary } from './job-event-summary';

interface JobHistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly summary: EventSummary;
}

export interface AdminStats extends JobStats {
  /** Events the jobs consumer gave up on (its dead-letter queue). */
  readonly deadLetters: number;
}

interface JobQueriesDeps {
  readonly readModel: JobReadModel;
  readonly store: EventStore;
  readonly clock: Clock;
  /** Absent when the service consumes nothing (never for jobs, but the port allows it). */
  readonly deadLetters?: DeadLetters;
}

export class JobQueries {
  constructor(private readonly deps: JobQueriesDeps) {}

  async get(ownerId: string, jobId: string): Promise<JobView> {
    const view = await this.deps.readModel.get(jobId);
    if (!view || view.ownerId !== ownerId) throw new JobNotFound(jobId);
    return view;
  }

  list(ownerId: string, query: JobListQuery): Promise<JobPage> {
    return this.deps.readModel.listByOwner(ownerId, query);
  }

  /** Straight from the event store: the history is the source of truth, not the projection. */
  async history(ownerId: string, jobId: string): Promise<JobHistoryEntry[]> {
    const stored = await this.deps.store.read(jobStreamId(jobId));
    if (stored[0]?.metadata.ownerId !== ownerId) throw new JobNotFound(jobId);
    return stored.flatMap((e) => {
      const event = { type: e.type, data: e.data };
      if (!isJobEvent(event)) return [];
      return [{ version: e.streamVersion, type: e.type, occurredAt: e.metadata.occurredAt, summary: summarizeJobEvent(event) }];
    });
  }

  async adminStats(): Promise<AdminStats> {
    const [stats, deadLetters] = await Promise.all([this.deps.readModel.stats(this.deps.clock.now()), this.deps.deadLetters?.list() ?? []]);
    return { ...stats, deadLetters: deadLetters.length };
  }
}
