// PUT of one part of a multipart upload: the URL fixes the upload, the part number, the largest part
// size and the expiry. The largest part size is the upload's part size: the part goes at
// (partNumber - 1) × that. The answer's ETag is what the client names the part by when completing.
import type { Request, Response } from 'express';
import type { VerificationSecrets } from '../signing/hmac';
import { blobProblem } from '../signing/signature-errors';
import { verifyPartUrl } from '../signing/verify-upload-url';
import { receiveBody } from '../upload/receive-body';
import { MAX_PARTS, type LocalMultipartStore } from './local-multipart-store';

interface PutPartContext {
  readonly secrets: VerificationSecrets;
  readonly bucket: string;
  readonly multipart: LocalMultipartStore;
  readonly now: () => number;
}

export const putPart = async (
  req: Request,
  res: Response,
  context: PutPartContext,
  segments: readonly string[],
): Promise<void> => {
  const [multipartId, partText, ...extra] = segments;
  if (
    multipartId === undefined ||
    partText === undefined ||
    extra.length > 0 ||
    !/^\d{1,5}$/.test(partText)
  ) {
    throw blobProblem('BLOB_PATH_INVALID', 'a part URL is /blobs/<bucket>/mp/<uploadId>/<partNumber>');
  }
  const partNumber = Number(partText);
  const maxSize = verifyPartUrl(
    context.secrets,
    context.bucket,
    multipartId,
    partNumber,
    req.query,
    context.now(),
  );
  if (partNumber < 1 || partNumber > MAX_PARTS)
    throw blobProblem('MULTIPART_PARTS_INVALID', `part numbers run from 1 to ${MAX_PARTS}`);
  const stored = await receiveBody(req, { max: maxSize }, (body) =>
    context.multipart.putPart(multipartId, partNumber, body, maxSize),
  );
  res.status(200).set('etag', `"${stored.etag}"`).end();
};
