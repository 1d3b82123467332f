// What an upload may be (types, size, profile) and how it is transferred (one PUT, or parts), from
// configuration. Pure: the same request and policy always give the same answer.
import { ContentTypeNotAllowed, ProfileUnknown, UploadSizeInvalid, UploadTooLarge } from './upload-errors';

export interface UploadPolicy {
  /** Exact types ("video/mp4") or whole families ("video/*"), lower-case. */
  readonly allowedContentTypes: readonly string[];
  readonly maxSizeBytes: number;
  /** From this size on, the upload is multipart. */
  readonly multipartThresholdBytes: number;
  readonly partSizeBytes: number;
  /** Lifetime of each presigned URL. */
  readonly urlTtlSeconds: number;
  /** An upload not completed within this is expired and its bytes deleted. */
  readonly uploadExpirySeconds: number;
  /** Profile names accepted (owned by processing/jobs; configuration here, no import). */
  readonly profiles: readonly string[];
  readonly defaultProfile: string;
}

/** S3's limits, applied in both modes so a client cannot tell them apart. */
export const MAX_PARTS = 10_000;
export const MIN_PART_SIZE = 5 * 1024 * 1024;

type TransferPlan =
  | { readonly method: 'single' }
  | { readonly method: 'multipart'; readonly partSize: number; readonly partCount: number };

const TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** "Video/MP4; codecs=avc1" → "video/mp4": parameters are dropped, the URL is signed for the essence. */
export const contentTypeEssence = (value: string): string =>
  (value.split(';', 1)[0] ?? '').trim().toLowerCase();

const isContentTypeAllowed = (policy: UploadPolicy, essence: string): boolean =>
  policy.allowedContentTypes.some((allowed) =>
    allowed.endsWith('/*') ? essence.startsWith(allowed.slice(0, -1)) : allowed === essence,
  );

const caseless = (text: string): string =>
  [...text].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
// What String.trim removes around the essence (controls included); parameters after ";" are dropped.
const TRIMMED = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*';
const SUBTYPE = '[a-zA-Z0-9!#$&^_.+-]+';

/**
 * The policy's allow-list as one pattern over the raw Content-Type value (any letter case, blanks
 * around, `; parameters` after), so the HTTP schema documents exactly what checkUploadRequest accepts.
 */
export const allowedContentTypePattern = (policy: UploadPolicy): RegExp => {
  const choices = policy.allowedContentTypes
    .filter((allowed) => TYPE.test(allowed.endsWith('/*') ? `${allowed.slice(0, -1)}x` : allowed))
    .map((allowed) => (allowed.endsWith('/*') ? `${caseless(allowed.slice(0, -1))}${SUBTYPE}` : caseless(allowed)));
  return new RegExp(`^${TRIMMED}(?:${choices.join('|')})${TRIMMED}(?:;[\\s\\S]*)?$`, 'u');
};

export interface UploadRequest {
  readonly contentType: string;
  readonly size: number;
  readonly profile?: string;
}

interface AcceptedRequest {
  readonly contentType: string;
  readonly profile: string;
}

export const checkUploadRequest = (policy: UploadPolicy, request: UploadRequest): AcceptedRequest => {
  const contentType = contentTypeEssence(request.contentType);
  if (!TYPE.test(contentType) || !isContentTypeAllowed(policy, contentType)) {
    throw new ContentTypeNotAllowed(
      `content type "${contentType}" is not accepted; allowed: ${policy.allowedContentTypes.join(', ')}`,
    );
  }
  if (!Number.isSafeInteger(request.size) || request.size <= 0)
    throw new UploadSizeInvalid('size must be a whole number of bytes above 0');
  if (request.size > policy.maxSizeBytes)
    throw new UploadTooLarge(
      `uploads are limited to ${policy.maxSizeBytes} bytes; this one declares ${request.size}`,
    );
  return { contentType, profile: resolveProfile(policy, request.profile) };
};

/** The profile named (or the default), refused when the policy does not know it. */
export const resolveProfile = (policy: UploadPolicy, named: string | undefined): string => {
  const profile = named ?? policy.defaultProfile;
  if (!policy.profiles.includes(profile))
    throw new ProfileUnknown(`unknown profile "${profile}"; known profiles: ${policy.profiles.join(', ')}`);
  return profile;
};

/** Parts of the configured size, grown (in whole MiB) when the file would need more than 10,000. */
export const planTransfer = (policy: UploadPolicy, size: number): TransferPlan => {
  if (size < policy.multipartThresholdBytes) return { method: 'single' };
  const MiB = 1024 * 1024;
  const needed = Math.ceil(size / MAX_PARTS / MiB) * MiB;
  const partSize = Math.max(policy.partSizeBytes, MIN_PART_SIZE, needed);
  return { method: 'multipart', partSize, partCount: Math.ceil(size / partSize) };
};
