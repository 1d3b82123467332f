// The jobs REST API: an owner's jobs, one job with its output URLs, its history, cancel, retry, and the
// admin figures. Every route needs a token; another owner's job answers 404 like a missing one.
import { z } from 'zod';
import { reply, route, type ServiceRouter } from '@mediaflow/http';
import { cancelJob } from '../../application/cancel-job';
import { retryJob } from '../../application/retry-job';
import type { JobCommandExecutor } from '../../application/job-command-executor';
import type { JobQueries } from '../../application/job-queries';
import { CursorInvalid } from '../../ports/job-list-cursor';
import type { OutputUrls } from '../../ports/output-urls';
import { toJob, toJobSummary } from './job-response';
import {
  AdminStatsSchema,
  CancelJobBodySchema,
  JobHistorySchema,
  JobPageSchema,
  JobParamsSchema,
  JobSchema,
  ListJobsQuerySchema,
  RetryJobBodySchema,
} from './job-schemas';

export interface JobsRouterDeps {
  readonly queries: JobQueries;
  readonly executor: JobCommandExecutor;
  readonly outputUrls: OutputUrls;
}

export const jobsRouter = ({ queries, executor, outputUrls }: JobsRouterDeps): ServiceRouter => ({
  service: 'jobs',
  basePath: '/v1',
  routes: [
    route({
      method: 'get',
      path: '/jobs',
      summary: "List the caller's jobs, newest first",
      auth: 'owner',
      request: { query: ListJobsQuerySchema },
      responses: { 200: JobPageSchema },
      problems: ['CURSOR_INVALID'],
      // The cursor's shape is in the schema; a request whose only fault is its cursor keeps the code.
      refusal: (_raw, issues) =>
        issues.every((i) => i.in === 'query' && i.path === 'cursor') ? new CursorInvalid() : undefined,
      handler: async ({ query, principal }) => {
        const page = await queries.list(principal.ownerId, query);
        return { items: page.items.map(toJobSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
      },
    }),
    route({
      method: 'get',
      path: '/jobs/:jobId',
      summary: 'A job: status, progress, media info, plan, outputs with URLs, error, attempts',
      auth: 'owner',
      request: { params: JobParamsSchema },
      responses: { 200: JobSchema },
      problems: ['JOB_NOT_FOUND'],
      handler: async ({ params, principal }) => toJob(await queries.get(principal.ownerId, params.jobId), outputUrls),
    }),
    route({
      method: 'get',
      path: '/jobs/:jobId/events',
      summary: "The job's history, from its event stream",
      auth: 'owner',
      request: { params: JobParamsSchema },
      responses: { 200: JobHistorySchema },
      problems: ['JOB_NOT_FOUND'],
      handler: async ({ params, principal }) => ({ jobId: params.jobId, events: await queries.history(principal.ownerId, params.jobId) }),
    }),
    route({
      method: 'post',
      path: '/jobs/:jobId/cancel',
      summary: 'Cancel a job; a running attempt is stopped',
      description: 'Accepted: processing stops the running attempt when it receives JobCancelled. Cancelling twice is accepted twice.',
      auth: 'owner',
      request: { params: JobParamsSchema, body: CancelJobBodySchema },
      responses: { 202: { description: 'Cancelled; the job resource shows it.', headers: z.object({ location: z.string() }) } },
      problems: ['JOB_NOT_FOUND', 'JOB_ALREADY_FINISHED'],
      handler: async ({ params, body, principal, correlationId }) => {
        await cancelJob(executor, { jobId: params.jobId, ownerId: principal.ownerId, correlationId, ...(body?.reason ? { reason: body.reason } : {}) });
        return reply(202, undefined, { location: `/v1/jobs/${encodeURIComponent(params.jobId)}` });
      },
    }),
    route({
      method: 'post',
      path: '/jobs/:jobId/retry',
      summary: 'Retry a failed job',
      description:
        'Accepted: a job that failed while probing is probed again (status `probing`); one that failed transcoding runs a new attempt ' +
        '(status `queued`, `attempt` + 1), with automatic retries as for its first attempts. Only a `failed` job can be retried: any other ' +
        'status answers 409 JOB_NOT_RETRYABLE, and so does a second retry once the first is under way.',
      auth: 'owner',
      request: { params: JobParamsSchema, body: RetryJobBodySchema },
      responses: { 202: { description: 'Retry started; the job resource shows it.', headers: z.object({ location: z.string() }) } },
      problems: ['JOB_NOT_FOUND', 'JOB_NOT_RETRYABLE'],
      handler: async ({ params, principal, correlationId }) => {
        await retryJob(executor, { jobId: params.jobId, ownerId: principal.ownerId, correlationId });
        return reply(202, undefined, { location: `/v1/jobs/${encodeURIComponent(params.jobId)}` });
      },
    }),
    route({
      method: 'get',
      path: '/admin/stats',
      summary: 'Jobs by status, throughput and dead letters (admin role)',
      auth: 'admin',
      responses: { 200: AdminStatsSchema },
      handler: async () => {
        const { total, byStatus, completedLastHour, completedLastDay, deadLetters } = await queries.adminStats();
        return { jobs: { total, byStatus }, throughput: { completedLastHour, completedLastDay }, deadLetters: { jobs: deadLetters } };
      },
    }),
  ],
});
