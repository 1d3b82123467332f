// @mediaflow/ingest/settings: ingest's environment variables and their loader (the README's settings table reads the schema).
export { IngestEnvironmentSchema, loadIngestSettings, type IngestSettings } from './main/ingest-config';
