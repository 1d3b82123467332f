// The S3 answers ingest branches on, by status and error name (SDK classes differ between commands
// and emulators).
const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
const nameOf = (error: unknown): string =>
  (error as { name?: string; Code?: string } | undefined)?.name ?? '';

export const isNoSuchUpload = (error: unknown): boolean => nameOf(error) === 'NoSuchUpload';

/** No such object (HeadObject answers a bare 404; NoSuchUpload is also a 404 but means something else). */
export const isS3NotFound = (error: unknown): boolean =>
  ['NotFound', 'NoSuchKey'].includes(nameOf(error)) || (statusOf(error) === 404 && !isNoSuchUpload(error));

/** The client's part list is wrong: a part missing or replaced, out of order, or too small. */
export const isS3PartProblem = (error: unknown): boolean =>
  ['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall'].includes(nameOf(error));
