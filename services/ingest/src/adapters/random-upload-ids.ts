// Upload ids from the clock and the system's CSPRNG (time-ordered, unguessable).
import { randomBytes } from 'node:crypto';
import { formatUploadId } from '../domain/upload-keys';
import type { UploadIdGenerator } from '../ports/upload-id-generator';

export const randomUploadIds: UploadIdGenerator = { next: () => formatUploadId(Date.now(), randomBytes(16)) };
