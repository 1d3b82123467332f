// Sample upload data for the domain and application tests: one single and one multipart upload.
import type { UploadInitiatedData } from '../../src/domain/upload-events';
import type { UploadPolicy } from '../../src/domain/upload-policy';

const T0 = new Date('2026-11-25T10:00:00.000Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export const single: UploadInitiatedData = {
  uploadId: 'up_01JDQ0000000000000000000AB',
  ownerId: 'alice',
  key: 'alice/up_01JDQ0000000000000000000AB/source',
  filename: 'clip.mp4',
  contentType: 'video/mp4',
  size: 1000,
  profile: 'default',
  transfer: { method: 'single' },
  initiatedAt: T0.toISOString(),
  expiresAt: at(3600).toISOString(),
};

export const multipart: UploadInitiatedData = {
  ...single,
  uploadId: 'up_01JDQ0000000000000000000CD',
  key: 'alice/up_01JDQ0000000000000000000CD/source',
  size: 25,
  transfer: { method: 'multipart', multipartId: 'mp1', partSize: 10, partCount: 3 },
};

export const MiB = 1024 * 1024;

export const testPolicy = (overrides: Partial<UploadPolicy> = {}): UploadPolicy => ({
  allowedContentTypes: ['video/*', 'audio/mpeg', 'image/png'],
  maxSizeBytes: 100 * MiB,
  multipartThresholdBytes: 16 * MiB,
  partSizeBytes: 8 * MiB,
  urlTtlSeconds: 600,
  uploadExpirySeconds: 3600,
  profiles: ['default', 'sd', 'high'],
  defaultProfile: 'default',
  ...overrides,
});
