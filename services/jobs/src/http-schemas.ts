// @mediaflow/jobs/http-schemas: the zod schemas of the jobs API's answers (what /openapi.json says).
export { AdminStatsSchema, JobHistorySchema, JobPageSchema, JobSchema, JobSummarySchema } from './adapters/http/job-schemas';
