// @mediaflow/blob-http: signed blob URLs on the API's own port. Embedded: PUTs (single and multipart)
// streamed into a BlobStorage and GETs under a signed prefix. AWS: the same GET URLs redirected to S3.
export {
  BlobUrlSigner,
  type BlobUrlSignerOptions,
  type SignedPart,
  type SignedPut,
  type SignPartRequest,
  type SignPutRequest,
} from './signing/blob-url-signer';
export { MIN_SIGNING_SECRET_BYTES } from './signing/hmac';
export { BLOB_PROBLEM_CODES, type BlobProblemCode } from './signing/signature-errors';
export { createBlobRouter, BLOB_ROUTE_PREFIX, type BlobRouterOptions } from './blob-router';
export { createBlobRedirectRouter, type BlobRedirectRouterOptions } from './redirect/blob-redirect-router';
export { blobServiceRouter } from './blob-service-router';
export {
  LocalMultipartStore,
  MAX_PARTS,
  MULTIPART_ROOT,
  S3_MIN_PART_SIZE,
  type CompletedPart,
  type UploadedPart,
} from './multipart/local-multipart-store';
export type { ObjectCreated } from './upload/put-object-handler';
