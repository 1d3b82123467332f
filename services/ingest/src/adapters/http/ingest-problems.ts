// Ingest's stable problem codes, registered with @mediaflow/http: the one place an ingest error code
// gets its HTTP status (the table lives beside the errors, in the domain, without HTTP types).
import { registerProblemCodes } from '@mediaflow/http';
import { INGEST_ERROR_STATUS } from '../../domain/upload-errors';

export const INGEST_PROBLEM_CODES = Object.keys(INGEST_ERROR_STATUS) as Array<
  keyof typeof INGEST_ERROR_STATUS
>;

export const registerIngestProblems = (): void => {
  registerProblemCodes({
    ...INGEST_ERROR_STATUS,
    CONTENT_TYPE_NOT_ALLOWED: { status: 415, title: 'Content type not allowed' },
    UPLOAD_SIZE_MISMATCH: { status: 422, title: 'Uploaded size differs from the declared size' },
    UPLOAD_CHECKSUM_MISMATCH: { status: 422, title: 'Uploaded bytes do not match the declared SHA-256' },
    UPLOAD_CHECKSUM_CONFLICT: {
      status: 409,
      title: 'The SHA-256 given at completion differs from the one declared at creation',
    },
  });
};
