// Executes a command on a Job stream (read, decide, append; inbox for bus events), then refreshes the
// read model from the stream and logs a job's end. The projection is refreshed whatever the outcome:
// a redelivered event (duplicate) or a no-op retry repairs a view a crash left behind. So the read
// model is eventually consistent with the store: it lags by one refresh, never by a lost event.
import type { EventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import { executeCommand, foldEvents, type Clock, type CommandOutcome, type ExecuteOptions, type IdGenerator } from '@mediaflow/service-kit';
import type { JobCommand } from '../domain/job-commands';
import type { JobDecider } from '../domain/job-decider';
import { isJobEvent, type JobEvent } from '../domain/job-events';
import { jobStreamId } from '../domain/job-identity';
import type { JobState } from '../domain/job-state';
import type { JobReadModel } from '../ports/job-read-model';
import { projectJobView } from './job-view-projection';

interface JobCommandExecutorDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly decider: JobDecider;
  readonly readModel: JobReadModel;
  readonly logger: Logger;
}

type JobCommandOutcome = CommandOutcome<JobEvent, JobState>;

const ENDINGS = ['JobCompleted', 'JobFailed'] as const;

export class JobCommandExecutor {
  constructor(private readonly deps: JobCommandExecutorDeps) {}

  async execute(command: JobCommand, options: ExecuteOptions, logger: Logger = this.deps.logger): Promise<JobCommandOutcome> {
    const { store, clock, ids, decider } = this.deps;
    const outcome = await executeCommand({ store, clock, ids }, decider, jobStreamId(command.jobId), command, options);
    await this.refreshView(command.jobId);
    if (outcome.status === 'applied') this.logEnding(command.jobId, outcome.events, logger);
    return outcome;
  }

  /** The aggregate's current state, for handlers that decide what to ask from it (e.g. its profile). */
  async load(jobId: string): Promise<JobState> {
    const stored = await this.deps.store.read(jobStreamId(jobId));
    const events = stored.map((e) => ({ type: e.type, data: e.data })).filter(isJobEvent);
    return foldEvents(this.deps.decider, events);
  }

  /**
   * Re-folds the stream into the read model. A failure throws: the bus then redelivers the event,
   * the command comes back as a duplicate and this refresh runs again.
   */
  async refreshView(jobId: string): Promise<void> {
    const view = projectJobView(await this.deps.store.read(jobStreamId(jobId)));
    if (view) await this.deps.readModel.upsert(view);
  }

  private logEnding(jobId: string, events: readonly JobEvent[], logger: Logger): void {
    for (const event of events) {
      if (event.type === 'JobCompleted') logger.info('job ended', { jobOutcome: ENDINGS[0], jobId });
      if (event.type === 'JobFailed') logger.info('job ended', { jobOutcome: ENDINGS[1], jobId, code: event.data.code, attempts: event.data.attempts });
    }
  }
}
