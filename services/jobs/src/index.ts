// @mediaflow/jobs: the Job aggregate and the job process manager, the jobs read model and its REST
// API. Composition roots: src/main/embedded.ts (createEmbeddedService) and src/main/aws.ts (createAwsService).
export * from './subscriptions';
export * from './domain/job-status';
export * from './domain/job-events';
export * from './domain/job-commands';
export * from './domain/job-errors';
export * from './domain/job-identity';
export * from './domain/retry-policy';
export * from './domain/validation-policy';
export { createJobDecider, type JobDecider } from './domain/job-decider';
export type { Job, JobState, ScheduledRetry } from './domain/job-state';
export type { JobView, JobAttemptView } from './ports/job-view';
export type { JobReadModel, JobListQuery, JobPage, JobStats, DueRetry } from './ports/job-read-model';
export { CursorInvalid, isCursorInvalid } from './ports/job-list-cursor';
export type { OutputUrls, SignedPrefix } from './ports/output-urls';
export type { RenditionPlanner, PlanningResult } from './ports/rendition-planner';
export { createJobsApplication, type JobsApplication, type JobsApplicationDeps } from './application/jobs-application';
export { rebuildJobViews } from './application/rebuild-job-views';
export { projectJobView } from './application/job-view-projection';
export { DEFAULT_POLICY_LIMITS, type PolicyLimits } from './application/probe-verdict';
export { SqliteJobReadModel } from './adapters/local/sqlite-job-read-model';
export { DynamoDbJobReadModel, type DynamoDbJobReadModelOptions } from './adapters/aws/dynamodb-job-read-model';
export { jobReadModelTableDefinition, createJobReadModelTable } from './adapters/aws/dynamodb-job-read-model-table';
export { jobsRouter, type JobsRouterDeps } from './adapters/http/jobs-router';
export { registerJobProblemCodes, JOB_PROBLEMS } from './adapters/http/job-problem-codes';
export { JobsEnvironmentSchema, loadJobsConfig, type JobsConfig } from './main/jobs-config';
export { createEmbeddedService, jobsReadModelFile } from './main/embedded';
export { createAwsService } from './main/aws';
