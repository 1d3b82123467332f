// Ingest's settings from the environment, validated once at start-up: the upload policy, the sweep
// and, for AWS, the blob redirect endpoint. A bad value stops start-up naming the variable.
import { z } from 'zod';
import {
  byteSizeSetting,
  commaList,
  flagSetting,
  intSetting,
  loadConfig,
  secondsSetting,
  setting,
  UrlSigningSettingsSchema,
} from '@mediaflow/config';
import { DEFAULT_PROFILE_NAME, profileNames } from '@mediaflow/media-planning';
import type { UploadPolicy } from '../domain/upload-policy';

const MiB = 1024 * 1024;

/** Common media types; a family ("video/*") may replace them. */
const DEFAULT_CONTENT_TYPES = [
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

const MAX_SECONDS = { urlTtl: 7 * 24 * 3600, expiry: 30 * 24 * 3600, sweep: 24 * 3600 };

export const IngestEnvironmentSchema = z.object({
  MEDIAFLOW_UPLOAD_CONTENT_TYPES: setting(
    commaList({ lowercase: true, nonEmpty: true }),
    { description: 'Comma-separated media types an upload may declare; a family (`video/*`) may replace them', defaultText: 'common video, audio and image types' },
  ).prefault(DEFAULT_CONTENT_TYPES),
  MEDIAFLOW_UPLOAD_MAX_BYTES: byteSizeSetting({ min: 1, default: 5 * 1024 * MiB }, 'Largest upload accepted, in bytes'),
  MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: byteSizeSetting({ min: 1, default: 16 * MiB }, 'Uploads from this size on are multipart'),
  MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: byteSizeSetting({ min: 5 * MiB, max: 5 * 1024 * MiB, default: 16 * MiB }, 'Size of each multipart part'),
  MEDIAFLOW_UPLOAD_URL_TTL_SECONDS: secondsSetting({ min: 1, max: MAX_SECONDS.urlTtl, default: 3600 }, 'How long upload URLs stay valid'),
  MEDIAFLOW_UPLOAD_EXPIRY_SECONDS: secondsSetting({ min: 1, max: MAX_SECONDS.expiry, default: 24 * 3600 }, 'An upload not completed within this time expires'),
  MEDIAFLOW_UPLOAD_SWEEP_SECONDS: secondsSetting({ min: 1, max: MAX_SECONDS.sweep, default: 60 }, 'How often expired uploads are swept'),
  MEDIAFLOW_UPLOAD_URL_ALLOW_LOOPBACK: flagSetting({
    description: 'URL ingest may fetch from the loopback (localhost, 127.0.0.1, ::1); other internal addresses are always refused',
    defaultText: 'true embedded, false on AWS',
  }).optional(),
  MEDIAFLOW_UPLOAD_URL_MAX_REDIRECTS: intSetting({ min: 0, max: 20, default: 5 }, 'URL ingest: redirects followed (each hop checked again)'),
  MEDIAFLOW_UPLOAD_URL_CONNECT_TIMEOUT_SECONDS: secondsSetting({ min: 1, max: 300, default: 10 }, 'URL ingest: time for the source to answer'),
  MEDIAFLOW_UPLOAD_URL_IDLE_TIMEOUT_SECONDS: secondsSetting({ min: 1, max: 600, default: 30 }, 'URL ingest: a source sending nothing for this long is unreachable'),
  MEDIAFLOW_UPLOAD_URL_TIMEOUT_SECONDS: secondsSetting({ min: 1, max: 24 * 3600, default: 3600 }, 'URL ingest: the whole fetch, first byte to last'),
  MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE: flagSetting('Embedded: complete an upload as soon as its single PUT is stored (like an S3 notification)').default(false),
  ...UrlSigningSettingsSchema.shape,
});

export interface UrlIngestSettings {
  readonly allowLoopback: boolean;
  readonly maxRedirects: number;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly totalTimeoutMs: number;
}

export interface IngestSettings {
  readonly policy: UploadPolicy;
  readonly urlIngest: UrlIngestSettings;
  readonly sweepIntervalMs: number;
  readonly completeOnStore: boolean;
  readonly urlSigningSecret?: string;
  /** During a rotation, the secret before `urlSigningSecret`: still accepted by the /blobs routes. */
  readonly urlSigningPreviousSecret?: string;
}

/** `mode` picks the loopback default of URL ingest, as webhooks do (allowed embedded, refused on AWS). */
export const loadIngestSettings = (env: NodeJS.ProcessEnv, mode: 'embedded' | 'aws' = 'aws'): IngestSettings => {
  const c = loadConfig(IngestEnvironmentSchema, env);
  const policy: UploadPolicy = {
    allowedContentTypes: c.MEDIAFLOW_UPLOAD_CONTENT_TYPES,
    maxSizeBytes: c.MEDIAFLOW_UPLOAD_MAX_BYTES,
    multipartThresholdBytes: c.MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES,
    partSizeBytes: c.MEDIAFLOW_UPLOAD_PART_SIZE_BYTES,
    urlTtlSeconds: c.MEDIAFLOW_UPLOAD_URL_TTL_SECONDS,
    uploadExpirySeconds: c.MEDIAFLOW_UPLOAD_EXPIRY_SECONDS,
    // The profiles media-planning defines: the names jobs plans with, so ingest accepts no other.
    profiles: profileNames(),
    defaultProfile: DEFAULT_PROFILE_NAME,
  };
  return {
    policy,
    urlIngest: {
      allowLoopback: c.MEDIAFLOW_UPLOAD_URL_ALLOW_LOOPBACK ?? mode === 'embedded',
      maxRedirects: c.MEDIAFLOW_UPLOAD_URL_MAX_REDIRECTS,
      connectTimeoutMs: c.MEDIAFLOW_UPLOAD_URL_CONNECT_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: c.MEDIAFLOW_UPLOAD_URL_IDLE_TIMEOUT_SECONDS * 1000,
      totalTimeoutMs: c.MEDIAFLOW_UPLOAD_URL_TIMEOUT_SECONDS * 1000,
    },
    sweepIntervalMs: c.MEDIAFLOW_UPLOAD_SWEEP_SECONDS * 1000,
    completeOnStore: c.MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE,
    ...(c.MEDIAFLOW_URL_SIGNING_SECRET !== undefined && { urlSigningSecret: c.MEDIAFLOW_URL_SIGNING_SECRET }),
    ...(c.MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET !== undefined && {
      urlSigningPreviousSecret: c.MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET,
    }),
  };
};
