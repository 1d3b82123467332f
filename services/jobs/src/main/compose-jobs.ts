// The wiring both modes share, given the mode's container and the jobs adapters: the application, its
// event handlers bound for the runtime, the router and the start/stop order. Only composition roots
// call container.get.
import type { Container } from 'inversify';
import type { DeadLetters } from '@mediaflow/bus';
import { TOKENS, type ServiceInstance } from '@mediaflow/runtime';
import { registerJobProblemCodes } from '../adapters/http/job-problem-codes';
import { jobsRouter } from '../adapters/http/jobs-router';
import { createJobsApplication, type JobsApplication } from '../application/jobs-application';
import type { JobReadModel } from '../ports/job-read-model';
import type { OutputUrls } from '../ports/output-urls';
import type { RenditionPlanner } from '../ports/rendition-planner';
import { policyLimitsOf, retryPolicyOf, type JobsConfig } from './jobs-config';

export interface JobsAdapters {
  readonly readModel: JobReadModel;
  readonly planner: RenditionPlanner;
  readonly outputUrls: OutputUrls;
}

export interface JobsInstance extends ServiceInstance {
  readonly application: JobsApplication;
}

/** container.get typed by the token's declared type. */
const resolver =
  (container: Container) =>
  <T>(token: symbol & { __type?: T }): T =>
    container.get<T>(token);

export const composeJobs = (container: Container, adapters: JobsAdapters, config: JobsConfig, onStop: () => Promise<void> | void): JobsInstance => {
  const get = resolver(container);
  const application = createJobsApplication({
    store: get(TOKENS.EventStore),
    readModel: adapters.readModel,
    planner: adapters.planner,
    clock: get(TOKENS.Clock),
    ids: get(TOKENS.Ids),
    logger: get(TOKENS.Logger),
    limits: policyLimitsOf(config),
    retry: retryPolicyOf(config),
    retryScanIntervalMs: config.MEDIAFLOW_JOBS_RETRY_SCAN_MS,
    deadLetters: get<DeadLetters>(TOKENS.DeadLetters),
  });
  container.bind(TOKENS.EventHandlers).toConstantValue(application.handlers);
  const runtime = get(TOKENS.Runtime);
  registerJobProblemCodes();
  return {
    service: 'jobs',
    application,
    routers: [jobsRouter({ queries: application.queries, executor: application.executor, outputUrls: adapters.outputUrls })],
    async start() {
      await runtime.start();
      application.scheduler.start();
    },
    async stop() {
      // The scheduler first: a retry issued now would only be published by the relay the runtime drains.
      await application.scheduler.stop();
      await runtime.stop();
      await onStop();
    },
  };
};
