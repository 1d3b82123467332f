// What this client reads of the API's answers, and which job statuses end a watch.

import { TERMINAL_STATUSES } from '@mediaflow/jobs';

/** Whether a job's status never changes again (the jobs service's own list). */
export const isTerminal = (status: string): boolean => (TERMINAL_STATUSES as readonly string[]).includes(status);

// The API's JSON, typed from the services' own schemas (packages/api-types): a changed answer fails
// the CLI's type-check instead of its users.
export type {
  CompletedUpload,
  CreatedWebhook,
  Job,
  JobAttempt,
  JobError,
  JobPage,
  JobSummary,
  MediaInfo,
  OutputFile,
  UploadResource,
  UploadTicket,
  Webhook,
} from '@mediaflow/api-types';
