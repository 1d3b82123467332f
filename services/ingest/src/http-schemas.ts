// @mediaflow/ingest/http-schemas: the zod schemas of ingest's REST answers (what /openapi.json says).
export { CompletedUpload, UploadResource, UploadTicket } from './adapters/http/upload-schemas';
