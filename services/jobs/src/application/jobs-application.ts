// Assembles the jobs application from its ports: the command executor, the process manager's handlers,
// the retry scheduler and the queries. The composition roots (src/main) supply the adapters.
import type { DeadLetters } from '@mediaflow/bus';
import type { EventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import type { Clock, IdGenerator, TypedHandlers } from '@mediaflow/service-kit';
import { createJobDecider } from '../domain/job-decider';
import type { RetryPolicy } from '../domain/retry-policy';
import type { JobReadModel } from '../ports/job-read-model';
import type { RenditionPlanner } from '../ports/rendition-planner';
import { JobCommandExecutor } from './job-command-executor';
import { createJobEventHandlers } from './job-event-handlers';
import { JobQueries } from './job-queries';
import type { PolicyLimits } from './probe-verdict';
import { RetryScheduler } from './retry-scheduler';

interface JobsApplicationDeps {
  readonly store: EventStore;
  readonly readModel: JobReadModel;
  readonly planner: RenditionPlanner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly limits: PolicyLimits;
  readonly retry: RetryPolicy;
  readonly retryScanIntervalMs: number;
  readonly deadLetters?: DeadLetters;
}

export interface JobsApplication {
  readonly executor: JobCommandExecutor;
  readonly handlers: TypedHandlers;
  readonly scheduler: RetryScheduler;
  readonly queries: JobQueries;
}

export const createJobsApplication = (deps: JobsApplicationDeps): JobsApplication => {
  const { store, readModel, clock, ids, logger } = deps;
  const executor = new JobCommandExecutor({ store, clock, ids, readModel, logger, decider: createJobDecider(deps.retry) });
  return {
    executor,
    handlers: createJobEventHandlers({ executor, planner: deps.planner, limits: deps.limits, clock }),
    scheduler: new RetryScheduler({ readModel, executor, clock, logger, intervalMs: deps.retryScanIntervalMs }),
    queries: new JobQueries({ readModel, store, clock, ...(deps.deadLetters ? { deadLetters: deps.deadLetters } : {}) }),
  };
};
