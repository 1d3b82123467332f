// Which parts complete a multipart upload: every part 1..partCount, as stored (and as the client
// named them, when it did), adding up to exactly the declared size. Checked before storage assembles
// anything, so a bad part can still be re-uploaded: the multipart upload stays open.
import type { UploadInitiatedData } from './upload-events';
import { UploadNotReceived, UploadPartsInvalid, UploadSizeMismatch } from './upload-errors';

export interface StoredPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

export interface PartReference {
  readonly partNumber: number;
  readonly etag: string;
}

const bare = (etag: string): string => etag.replace(/^(W\/)?"|"$/g, '');

export const choosePartsToComplete = (
  upload: UploadInitiatedData,
  stored: readonly StoredPart[],
  claimed: readonly PartReference[] | undefined,
): PartReference[] => {
  if (upload.transfer.method !== 'multipart')
    throw new UploadPartsInvalid('this upload is a single PUT; complete it without parts');
  const { partCount } = upload.transfer;
  if (stored.length === 0)
    throw new UploadNotReceived(
      `no parts were received for upload ${upload.uploadId}; PUT them to the part URLs first`,
    );
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !byNumber.has(n));
  if (missing.length > 0)
    throw new UploadPartsInvalid(
      `parts not uploaded yet: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`,
    );
  if (claimed !== undefined) {
    const numbers = claimed.map((p) => p.partNumber).join(',');
    const expected = Array.from({ length: partCount }, (_, i) => i + 1).join(',');
    if (numbers !== expected)
      throw new UploadPartsInvalid(`list parts 1 to ${partCount} in order, each once`);
    const wrong = claimed.find((p) => bare(p.etag) !== bare(byNumber.get(p.partNumber)?.etag ?? ''));
    if (wrong)
      throw new UploadPartsInvalid(
        `part ${wrong.partNumber} was not stored with ETag ${wrong.etag}; it was replaced or never uploaded`,
      );
  }
  const chosen = Array.from({ length: partCount }, (_, i) => byNumber.get(i + 1) as StoredPart);
  const total = chosen.reduce((sum, p) => sum + p.size, 0);
  if (total !== upload.size)
    throw new UploadSizeMismatch(
      `upload ${upload.uploadId} declared ${upload.size} bytes but its parts hold ${total}`,
    );
  return chosen.map(({ partNumber, etag }) => ({ partNumber, etag }));
};
