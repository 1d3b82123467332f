// Field schemas that several events share: ids, storage keys, digests, error codes. Bounded here
// once so that a limit cannot differ between the event that produces a value and the one that echoes it.
import { z } from 'zod';

/** Ids travel into storage keys and URLs: letters, digits and `_ . : -`, starting with a letter or digit. */
const idSchema = (what: string) =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/)
    .describe(what);

export const UploadIdSchema = idSchema('Upload id, assigned by ingest.');
/** Derived from the upload id by jobs, so a redelivered UploadCompleted cannot create a second job. */
export const JobIdSchema = idSchema('Job id, derived from the upload id by jobs.');
export const RunnerIdSchema = idSchema(
  'Id of the runner (ECS task id, or local process id) doing an attempt.',
);

/** One path segment: any run of allowed characters except "." and "..". No look-around, so the
 * generated JSON Schema pattern also works in RE2-based validators (Go). */
const keySegment = String.raw`(?:[^/\\\x00-\x1f\x7f]{3,}|[^/.\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]?|\.[^/.\\\x00-\x1f\x7f])`;

/**
 * A key in blob storage (an S3 object key, or a path under the embedded blob root). Relative, `/`
 * separated, no empty, "." or ".." segment: a key from an event must never escape the blob root.
 * S3 caps keys at 1024.
 */
export const StorageKeySchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(new RegExp(`^${keySegment}(?:/${keySegment})*$`))
  .describe('Blob storage key: relative, "/"-separated, no empty, "." or ".." segment.');

/** S3's own bucket naming rule; absent in embedded mode, where there is one blob root. */
export const BucketNameSchema = z
  .string()
  .min(3)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/)
  .describe('S3 bucket name; absent in embedded mode.');

export const Sha256Schema = z
  .string()
  .regex(/^[a-f0-9]{64}$/)
  .describe('SHA-256 digest, lowercase hex.');

/** A transcoding profile is configuration owned by jobs, so a name, not an enum: adding one is no contract change. */
export const ProfileNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .describe('Transcoding profile name, e.g. "default".');

/** Stable machine-readable code (e.g. MEDIA_UNSUPPORTED): consumers branch on it, never on the text. */
export const ErrorCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*$/)
  .describe('Stable error code, UPPER_SNAKE_CASE.');

/** Human-readable explanation; bounded because it ends up in webhooks and the UI. */
export const ReasonSchema = z.string().min(1).max(2000).describe('Human-readable explanation.');

/** Attempt number of a transcode, counting from 1; the retry policy never gets near the cap. */
export const AttemptSchema = z.number().int().min(1).max(100).describe('Transcode attempt, from 1.');

export const SizeBytesSchema = z.number().int().min(0).describe('Size in bytes.');
export const DurationSecondsSchema = z
  .number()
  .min(0)
  .max(7 * 24 * 3600)
  .describe('Duration in seconds.');
export const PixelsSchema = z.number().int().min(1).max(65535);
export const BitrateKbpsSchema = z.number().int().min(1).max(1_000_000).describe('Bitrate in kbit/s.');
