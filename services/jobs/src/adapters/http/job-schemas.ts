// The jobs API's request and response shapes (zod): they validate at the edge, check every answer
// and produce the OpenAPI document.
import { z } from 'zod';
import { MediaInfoSchema, OutputKindSchema, RejectionReasonSchema } from '@mediaflow/contracts';
import { JOB_STATUSES } from '../../domain/job-status';
import { CURSOR_MAX_LENGTH, CURSOR_PATTERN } from '../../ports/job-list-cursor';

const JobStatusSchema = z.enum(JOB_STATUSES).meta({ id: 'JobStatus' });

export const JobParamsSchema = z.object({ jobId: z.string().min(1).max(128) });

export const ListJobsQuerySchema = z.object({
  status: JobStatusSchema.optional(),
  cursor: z
    .string()
    .max(CURSOR_MAX_LENGTH)
    .regex(CURSOR_PATTERN)
    .optional()
    .describe('`nextCursor` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const CancelJobBodySchema = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict().optional();

/** A retry takes no options: no body, or an empty object (what some clients send with a POST). */
export const RetryJobBodySchema = z.object({}).strict().optional();

const ErrorSchema = z
  .object({ code: z.string(), reason: z.string(), reasons: z.array(RejectionReasonSchema).optional() })
  .describe('Why the job failed or was rejected (every broken rule in `reasons`).');

const AttemptSchema = z.object({
  attempt: z.number().int(),
  outcome: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  runnerId: z.string().optional(),
  queuedAt: z.string(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  transcodeSeconds: z
    .number()
    .min(0)
    .optional()
    .describe(
      "The runner's own time for the transcode (every ffmpeg process and writing the playlists; not probing, storing outputs or waiting for a runner), in seconds. On finished attempts whose runner reported it.",
    ),
  error: z.object({ code: z.string(), reason: z.string(), retryable: z.boolean() }).optional(),
});

const OutputFileSchema = z.object({
  kind: OutputKindSchema,
  url: z.url(),
  sizeBytes: z.number().int(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  bitrateKbps: z.number().int().optional(),
  durationSeconds: z.number().optional(),
});

const JobSummaryFields = {
  jobId: z.string(),
  status: JobStatusSchema,
  profile: z.string(),
  uploadId: z.string(),
  filename: z.string().optional(),
  percent: z.number().min(0).max(100).describe('Progress of the current attempt.'),
  attempt: z.number().int().describe('Current transcode attempt; 0 before validation.'),
  createdAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().optional(),
  error: ErrorSchema.optional(),
};

export const JobSummarySchema = z.object(JobSummaryFields).meta({ id: 'JobSummary' });

export const JobSchema = z
  .object({
    ...JobSummaryFields,
    source: z.object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number().int() }).optional(),
    media: MediaInfoSchema.optional(),
    plan: z.object({ outputs: z.number().int(), renditions: z.array(z.string()), kinds: z.array(OutputKindSchema) }).optional(),
    outputs: z
      .object({
        playbackUrl: z.url().optional().describe('HLS master playlist; its playlists and segments resolve relative to it.'),
        expiresAt: z.string(),
        files: z.array(OutputFileSchema),
      })
      .optional(),
    retry: z.object({ stage: z.enum(['probe', 'transcode']), attempt: z.number().int(), dueAt: z.string() }).optional(),
    attempts: z.array(AttemptSchema),
  })
  .meta({ id: 'Job' });

export const JobPageSchema = z.object({ items: z.array(JobSummarySchema), nextCursor: z.string().optional() }).meta({ id: 'JobPage' });

export const JobHistorySchema = z
  .object({
    jobId: z.string(),
    events: z.array(
      z.object({
        version: z.number().int(),
        type: z.string(),
        occurredAt: z.string(),
        summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    ),
  })
  .meta({ id: 'JobHistory' });

export const AdminStatsSchema = z
  .object({
    jobs: z.object({ total: z.number().int(), byStatus: z.record(JobStatusSchema, z.number().int()) }),
    throughput: z.object({ completedLastHour: z.number().int(), completedLastDay: z.number().int() }),
    deadLetters: z.object({ jobs: z.number().int().describe("Events the jobs consumer gave up on.") }),
  })
  .meta({ id: 'AdminStats' });
