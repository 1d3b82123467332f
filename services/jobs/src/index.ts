// @mediaflow/jobs: the job statuses (also read by the web UI and the CLI) and the jobs service's ports.
// Nothing here loads an adapter, so a browser bundle can import it. Subpaths: ./declaration
// (subscriptions, read-model table), ./embedded and ./aws (composition roots), ./http-schemas.
export { JOB_STATUSES, TERMINAL_STATUSES, isTerminal, type JobStatus } from './domain/job-status';
export type { JobView, JobAttemptView } from './ports/job-view';
export type { JobReadModel, JobListQuery, JobPage, JobStats, DueRetry } from './ports/job-read-model';
export type { OutputUrls, SignedPrefix } from './ports/output-urls';
export type { RenditionPlanner, PlanningResult } from './ports/rendition-planner';
