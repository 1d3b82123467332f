// PUT of a single signed object: the URL fixes key, exact size, content type and expiry; the bytes
// stream to the storage's put (bounded memory) and the object appears only once all arrived.
import type { Request, Response } from 'express';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { VerificationSecrets } from '../signing/hmac';
import { blobProblem } from '../signing/signature-errors';
import { verifyPutUrl } from '../signing/verify-upload-url';
import { contentTypeEssence, receiveBody } from './receive-body';

export interface ObjectCreated {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

interface PutObjectContext {
  readonly secrets: VerificationSecrets;
  readonly bucket: string;
  readonly storage: BlobStorage;
  readonly maxUploadBytes: number;
  readonly now: () => number;
  /** Like S3's object-created notification: told after the object is stored. */
  readonly onObjectCreated?: (event: ObjectCreated) => Promise<void>;
}

export const putObject = async (
  req: Request,
  res: Response,
  context: PutObjectContext,
  key: string,
): Promise<void> => {
  const signed = verifyPutUrl(context.secrets, context.bucket, key, req.query, context.now());
  if (signed.size > context.maxUploadBytes) {
    throw blobProblem('BLOB_BODY_TOO_LARGE', `uploads are limited to ${context.maxUploadBytes} bytes`);
  }
  // S3 refuses a Content-Type other than the signed one with a signature error: so do we.
  if (contentTypeEssence(req.get('content-type')) !== contentTypeEssence(signed.contentType)) {
    throw blobProblem('URL_SIGNATURE_INVALID', `send Content-Type: ${signed.contentType}, as signed`);
  }
  const stored = await receiveBody(req, { max: signed.size, exact: signed.size }, (body) =>
    context.storage.put(key, body, { contentType: signed.contentType }),
  );
  if (context.onObjectCreated) {
    await context.onObjectCreated({ bucket: context.bucket, key, size: stored.size, sha256: stored.sha256 });
  }
  res.status(200).set('etag', `"${stored.etag}"`).end();
};
