// The API's answers as its clients see them (z.output of the very schemas that validate every answer
// and produce /openapi.json), so a change to the API fails the clients' type-check instead of their
// users. Type-only imports: bundlers drop them, and no service code reaches a browser bundle.
import type { z } from 'zod';
import type {
  CompletedUpload as CompletedUploadSchema,
  UploadResource as UploadResourceSchema,
  UploadTicket as UploadTicketSchema,
} from '@mediaflow/ingest/http-schemas';
import type {
  AdminStatsSchema,
  JobHistorySchema,
  JobPageSchema,
  JobSchema,
  JobSummarySchema,
} from '@mediaflow/jobs/http-schemas';
import type {
  CreatedWebhookSchema,
  DeliveryAttemptSchema,
  WebhookDetailSchema,
  WebhookListSchema,
  WebhookSchema,
} from '@mediaflow/notifications/http-schemas';

export type UploadTicket = z.output<typeof UploadTicketSchema>;
export type UploadResource = z.output<typeof UploadResourceSchema>;
export type CompletedUpload = z.output<typeof CompletedUploadSchema>;

export type JobSummary = z.output<typeof JobSummarySchema>;
export type Job = z.output<typeof JobSchema>;
export type JobPage = z.output<typeof JobPageSchema>;
export type JobHistory = z.output<typeof JobHistorySchema>;
export type HistoryEntry = JobHistory['events'][number];
export type JobError = NonNullable<JobSummary['error']>;
export type JobAttempt = Job['attempts'][number];
export type OutputFile = NonNullable<Job['outputs']>['files'][number];
export type MediaInfo = NonNullable<Job['media']>;
export type AdminStats = z.output<typeof AdminStatsSchema>;

export type Webhook = z.output<typeof WebhookSchema>;
export type CreatedWebhook = z.output<typeof CreatedWebhookSchema>;
export type WebhookDetail = z.output<typeof WebhookDetailSchema>;
export type WebhookList = z.output<typeof WebhookListSchema>;
export type DeliveryAttempt = z.output<typeof DeliveryAttemptSchema>;
