// The stable problem codes of the blob endpoint, registered with @mediaflow/http so every refusal is
// problem+json. 403 for anything about the signature (as S3 answers), 400/413 for the body.
import { HttpProblem, registerProblemCodes } from '@mediaflow/http';

const BLOB_PROBLEM_CODES = {
  URL_SIGNATURE_INVALID: { status: 403, title: 'URL signature invalid' },
  URL_EXPIRED: { status: 403, title: 'URL expired' },
  BLOB_PATH_INVALID: { status: 400, title: 'Blob path invalid' },
  BLOB_KEY_INVALID: { status: 400, title: 'Blob key invalid' },
  BLOB_NOT_FOUND: { status: 404, title: 'Blob not found' },
  BLOB_RANGE_INVALID: { status: 416, title: 'Range not satisfiable' },
  BLOB_BODY_TOO_LARGE: { status: 413, title: 'Body larger than the signed size' },
  BLOB_BODY_INCOMPLETE: { status: 400, title: 'Body shorter than the signed size' },
  MULTIPART_UPLOAD_NOT_FOUND: { status: 404, title: 'Multipart upload not found' },
  MULTIPART_PARTS_INVALID: { status: 400, title: 'Multipart parts invalid' },
} as const;

type BlobProblemCode = keyof typeof BLOB_PROBLEM_CODES;

registerProblemCodes(BLOB_PROBLEM_CODES);

export const blobProblem = (
  code: BlobProblemCode,
  detail: string,
  headers?: Record<string, string>,
): HttpProblem => new HttpProblem({ code, detail, ...(headers ? { headers } : {}) });
