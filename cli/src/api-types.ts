// The parts of the API's JSON this client reads (the server's zod schemas and /openapi.json are the
// contract). A tolerant reader: fields the CLI does not show are not declared here.

export const TERMINAL_STATUSES = ['completed', 'failed', 'rejected', 'cancelled'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export const isTerminal = (status: string): status is TerminalStatus => (TERMINAL_STATUSES as readonly string[]).includes(status);

export interface UploadTicket {
  uploadId: string;
  method: 'single' | 'multipart';
  url?: string;
  headers?: Record<string, string>;
  parts?: { partNumber: number; url: string }[];
  partSize?: number;
  partCount?: number;
  expiresAt: string;
  completeUrl: string;
}

export interface CompletedUpload {
  uploadId: string;
  status: 'completed';
  jobId: string;
}

export interface JobError {
  code: string;
  reason: string;
  reasons?: { code: string; message: string }[];
}

export interface JobSummary {
  jobId: string;
  status: string;
  profile: string;
  uploadId: string;
  filename?: string;
  percent: number;
  attempt: number;
  createdAt: string;
  updatedAt: string;
  endedAt?: string;
  error?: JobError;
}

export interface OutputFile {
  kind: string;
  url: string;
  sizeBytes: number;
  width?: number;
  height?: number;
  bitrateKbps?: number;
  durationSeconds?: number;
}

interface VideoStream {
  codec: string;
  width: number;
  height: number;
  rotation: number;
  frameRate: number;
}

interface AudioStream {
  codec: string;
  channels: number;
  sampleRate: number;
}

export interface MediaInfo {
  kind: 'video' | 'audio' | 'image';
  container: string;
  sizeBytes: number;
  durationSeconds?: number;
  video?: VideoStream;
  audio?: AudioStream;
  image?: { format: string; width: number; height: number };
}

export interface JobAttempt {
  attempt: number;
  outcome: string;
  runnerId?: string;
  queuedAt: string;
  startedAt?: string;
  endedAt?: string;
  error?: { code: string; reason: string; retryable: boolean };
}

export interface Job extends JobSummary {
  source?: { filename: string; contentType: string; sizeBytes: number };
  media?: MediaInfo;
  plan?: { outputs: number; renditions: string[]; kinds: string[] };
  outputs?: { playbackUrl?: string; expiresAt: string; files: OutputFile[] };
  retry?: { stage: string; attempt: number; dueAt: string };
  attempts: JobAttempt[];
}

export interface JobPage {
  items: JobSummary[];
  nextCursor?: string;
}

export interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
}

export interface CreatedWebhook extends Webhook {
  secret: string;
}
