// The jobs module, the same in both modes once the mode's module has bound the read model and the
// output URLs: the application and its event handlers. jobsInstance resolves the loaded container
// into the router and the start/stop order. Only composition roots call container.get.
import { ContainerModule, type Container } from 'inversify';
import { bindTyped, resolve, TOKENS, type ServiceInfrastructure, type ServiceInstance } from '@mediaflow/runtime';
import { registerJobProblemCodes } from '../adapters/http/job-problem-codes';
import { jobsRouter } from '../adapters/http/jobs-router';
import { MediaPlanningRenditionPlanner } from '../adapters/planning/media-planning-rendition-planner';
import { createJobsApplication, type JobsApplication } from '../application/jobs-application';
import type { JobsSettings } from './jobs-config';
import { JOBS_TOKENS } from './jobs-tokens';

export interface JobsInstance extends ServiceInstance {
  readonly application: JobsApplication;
}

export const jobsModule = (settings: JobsSettings): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindTyped(bind, JOBS_TOKENS.Application)
      .toDynamicValue((ctx) =>
        createJobsApplication({
          store: resolve(ctx, TOKENS.EventStore),
          readModel: resolve(ctx, JOBS_TOKENS.ReadModel),
          planner: new MediaPlanningRenditionPlanner(),
          clock: resolve(ctx, TOKENS.Clock),
          ids: resolve(ctx, TOKENS.Ids),
          logger: resolve(ctx, TOKENS.Logger),
          limits: settings.limits,
          retry: settings.retry,
          retryScanIntervalMs: settings.retryScanIntervalMs,
          deadLetters: resolve(ctx, TOKENS.DeadLetters),
        }),
      )
      .inSingletonScope();
    bindTyped(bind, TOKENS.EventHandlers).toDynamicValue((ctx) => resolve(ctx, JOBS_TOKENS.Application).handlers);
  });

/** `release` closes the mode's own resources (the read model), then the infrastructure is closed. */
export const jobsInstance = (container: Container, infrastructure: ServiceInfrastructure, release: () => Promise<void> | void): JobsInstance => {
  const application = resolve(container, JOBS_TOKENS.Application);
  const runtime = resolve(container, TOKENS.Runtime);
  registerJobProblemCodes();
  return {
    service: 'jobs',
    application,
    routers: [jobsRouter({ queries: application.queries, executor: application.executor, outputUrls: resolve(container, JOBS_TOKENS.OutputUrls) })],
    async start() {
      await runtime.start();
      application.scheduler.start();
    },
    async stop() {
      // The scheduler first: a retry issued now would only be published by the relay the runtime drains.
      await application.scheduler.stop();
      await runtime.stop();
      await release();
      await infrastructure.close();
    },
  };
};
