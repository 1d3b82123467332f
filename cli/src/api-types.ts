// What this client reads of the API's answers, and which job statuses end a watch.

export const TERMINAL_STATUSES = ['completed', 'failed', 'rejected', 'cancelled'] as const;
type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export const isTerminal = (status: string): status is TerminalStatus =>
  (TERMINAL_STATUSES as readonly string[]).includes(status);

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
