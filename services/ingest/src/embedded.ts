// @mediaflow/ingest/embedded: ingest in the all-in-one process (SQLite, local disk, signed /blobs URLs).
export { createEmbeddedService } from './main/embedded';
