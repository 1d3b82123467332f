// Identifiers and storage keys of uploads (docs/services-design.md, "Identifiers and keys"): ids are
// server-generated, keys are derived from owner and upload id only — never from client input.
import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const UPLOAD_ID = /^up_[0-9A-HJKMNP-TV-Z]{26}$/;
const MAX_OWNER_SEGMENT = 64;

/** `up_` + 26 Crockford base32 characters: 10 of time (ms) then 16 of randomness, ULID-style. */
export const formatUploadId = (timeMs: number, random: Uint8Array): string => {
  let time = '';
  for (let t = Math.floor(timeMs), i = 0; i < 10; i++, t = Math.floor(t / 32))
    time = CROCKFORD[t % 32] + time;
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[(random[i] ?? 0) % 32];
  return `up_${time}${rand}`;
};

export const isUploadId = (value: string): boolean => UPLOAD_ID.test(value);

export const uploadStreamId = (uploadId: string): string => `upload-${uploadId}`;

/** jobs derives its job id from the upload id the same way, so both sides agree without a call. */
export const jobIdFor = (uploadId: string): string => `job_${uploadId.replace(/^up_/, '')}`;

/**
 * The owner id as one safe key segment: anything outside [A-Za-z0-9_-] becomes "_", plus a short hash
 * of the original when anything changed, so "a.b" and "a_b" never share a prefix.
 */
export const ownerKeySegment = (ownerId: string): string => {
  const replaced = ownerId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_OWNER_SEGMENT);
  if (replaced === ownerId) return replaced;
  return `${replaced}-${createHash('sha256').update(ownerId).digest('hex').slice(0, 10)}`;
};

export const uploadKey = (ownerId: string, uploadId: string): string =>
  `${ownerKeySegment(ownerId)}/${uploadId}/source`;

/** The upload id in a key this service made, or undefined for any other key. */
export const uploadIdOfKey = (key: string): string | undefined => {
  const match = /^[A-Za-z0-9_-]+\/(up_[0-9A-HJKMNP-TV-Z]{26})\/source$/.exec(key);
  return match?.[1];
};
