// The URLs a client uploads through, for a pending upload: one PUT, or one per part. Signing is local
// computation (HMAC or SigV4), so a status read can hand out fresh URLs when the first ones expired.
import type { UploadInitiatedData } from '../domain/upload-events';
import type { UploadPolicy } from '../domain/upload-policy';
import type { PresignedPart, PresignedPut, UploadStorage } from '../ports/upload-storage';

export type TransferUrls =
  | { readonly method: 'single'; readonly put: PresignedPut; readonly urlExpiresAt: Date }
  | {
      readonly method: 'multipart';
      readonly partSize: number;
      readonly parts: PresignedPart[];
      readonly urlExpiresAt: Date;
    };

/** No URL outlives its upload: after the deadline the bytes could never be completed anyway. */
const urlTtlSeconds = (policy: UploadPolicy, upload: UploadInitiatedData, now: Date): number => {
  const untilDeadline = Math.floor((Date.parse(upload.expiresAt) - now.getTime()) / 1000);
  return Math.max(1, Math.min(policy.urlTtlSeconds, untilDeadline));
};

export const presignTransfer = async (
  storage: UploadStorage,
  policy: UploadPolicy,
  upload: UploadInitiatedData,
  now: Date,
): Promise<TransferUrls> => {
  const expiresInSeconds = urlTtlSeconds(policy, upload, now);
  const urlExpiresAt = new Date(now.getTime() + expiresInSeconds * 1000);
  const { transfer, key } = upload;
  if (transfer.method === 'single') {
    const put = await storage.presignPut({
      key,
      size: upload.size,
      contentType: upload.contentType,
      sha256: upload.sha256,
      expiresInSeconds,
    });
    return { method: 'single', put, urlExpiresAt };
  }
  const parts = await storage.presignParts({
    key,
    multipartId: transfer.multipartId,
    partCount: transfer.partCount,
    partSize: transfer.partSize,
    expiresInSeconds,
  });
  return { method: 'multipart', partSize: transfer.partSize, parts, urlExpiresAt };
};
