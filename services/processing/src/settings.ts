// @mediaflow/processing/settings: processing's environment variables and their loader (the README's settings table reads the schema).
export { loadProcessingSettings, ProcessingEnvironmentSchema, type ProcessingSettings } from './main/processing-config';
