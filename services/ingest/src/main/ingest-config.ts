// Ingest's settings from the environment, validated once at start-up: the upload policy, the sweep
// and, for AWS, the blob redirect endpoint. A bad value stops start-up naming the variable.
import { z } from 'zod';
import { loadConfig } from '@mediaflow/config';
import type { UploadPolicy } from '../domain/upload-policy';

const MiB = 1024 * 1024;

/** Common media types; a family ("video/*") may replace them. */
export const DEFAULT_CONTENT_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
  'video/x-msvideo',
  'video/mpeg',
  'video/mp2t',
  'video/ogg',
  'video/3gpp',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/flac',
  'audio/ogg',
  'audio/opus',
  'audio/webm',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/heic',
  'image/tiff',
  'image/bmp',
  // Names browsers and operating systems give the same files (Chromium: .m4a is audio/x-m4a).
  'audio/x-m4a',
  'audio/m4a',
  'audio/mp3',
  'audio/x-flac',
  'audio/wave',
  'audio/vnd.wave',
  'video/x-m4v',
  'video/avi',
].join(',');

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((l) => l.length > 0, 'must name at least one value');

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const IngestEnvironmentSchema = z.object({
  MEDIAFLOW_UPLOAD_CONTENT_TYPES: list(DEFAULT_CONTENT_TYPES),
  MEDIAFLOW_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .default(5 * 1024 * MiB),
  MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(16 * MiB),
  MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: z.coerce
    .number()
    .int()
    .min(5 * MiB)
    .max(5 * 1024 * MiB)
    .default(16 * MiB),
  MEDIAFLOW_UPLOAD_URL_TTL_SECONDS: seconds(3600, 7 * 24 * 3600),
  MEDIAFLOW_UPLOAD_EXPIRY_SECONDS: seconds(24 * 3600, 30 * 24 * 3600),
  MEDIAFLOW_UPLOAD_SWEEP_SECONDS: seconds(60, 24 * 3600),
  /** Processing's profile names; configuration, so ingest imports nothing from processing. */
  MEDIAFLOW_PROFILES: list('default,sd,high'),
  MEDIAFLOW_DEFAULT_PROFILE: z.string().min(1).default('default'),
  /** Embedded: complete an upload as soon as its single PUT is stored (like an S3 notification). */
  MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** AWS: secret of the /blobs redirect endpoint (same as the signers'); unset mounts none. */
  MEDIAFLOW_URL_SIGNING_SECRET: z.string().min(32).optional(),
});

export interface IngestSettings {
  readonly policy: UploadPolicy;
  readonly sweepIntervalMs: number;
  readonly completeOnStore: boolean;
  readonly urlSigningSecret?: string;
}

export const loadIngestSettings = (env: NodeJS.ProcessEnv = process.env): IngestSettings => {
  const c = loadConfig(IngestEnvironmentSchema, env);
  const policy: UploadPolicy = {
    allowedContentTypes: c.MEDIAFLOW_UPLOAD_CONTENT_TYPES,
    maxSizeBytes: c.MEDIAFLOW_UPLOAD_MAX_BYTES,
    multipartThresholdBytes: c.MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES,
    partSizeBytes: c.MEDIAFLOW_UPLOAD_PART_SIZE_BYTES,
    urlTtlSeconds: c.MEDIAFLOW_UPLOAD_URL_TTL_SECONDS,
    uploadExpirySeconds: c.MEDIAFLOW_UPLOAD_EXPIRY_SECONDS,
    profiles: c.MEDIAFLOW_PROFILES,
    defaultProfile: c.MEDIAFLOW_PROFILES.includes(c.MEDIAFLOW_DEFAULT_PROFILE)
      ? c.MEDIAFLOW_DEFAULT_PROFILE
      : (c.MEDIAFLOW_PROFILES[0] ?? 'default'),
  };
  return {
    policy,
    sweepIntervalMs: c.MEDIAFLOW_UPLOAD_SWEEP_SECONDS * 1000,
    completeOnStore: c.MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE,
    ...(c.MEDIAFLOW_URL_SIGNING_SECRET !== undefined && { urlSigningSecret: c.MEDIAFLOW_URL_SIGNING_SECRET }),
  };
};
