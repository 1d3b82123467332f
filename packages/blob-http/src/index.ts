// @mediaflow/blob-http: signed blob URLs on the API's own port. Embedded: PUTs (single and multipart)
// streamed into a BlobStorage and GETs under a signed prefix. AWS: the same GET URLs redirected to S3.
export { BlobUrlSigner } from './signing/blob-url-signer';

export { createBlobRouter, BLOB_ROUTE_PREFIX, type BlobRouterOptions } from './blob-router';
export { createBlobRedirectRouter } from './redirect/blob-redirect-router';
export { blobServiceRouter } from './blob-service-router';
export { LocalMultipartStore, MAX_PARTS, type CompletedPart } from './multipart/local-multipart-store';
export type { ObjectCreated } from './upload/put-object-handler';
