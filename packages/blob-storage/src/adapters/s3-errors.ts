// Recognises the S3 answers the port turns into typed errors. The SDK's error class differs between
// GetObject (NoSuchKey), HeadObject (NotFound, no body) and emulators, so the status code decides.
const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

const nameOf = (error: unknown): string | undefined => (error as { name?: string } | undefined)?.name;

export const isS3NotFound = (error: unknown): boolean =>
  statusOf(error) === 404 || ['NotFound', 'NoSuchKey'].includes(nameOf(error) ?? '');

export const isS3InvalidRange = (error: unknown): boolean =>
  statusOf(error) === 416 || nameOf(error) === 'InvalidRange';
