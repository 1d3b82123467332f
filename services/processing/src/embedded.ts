// @mediaflow/processing/embedded: processing in the all-in-one process (SQLite event store and
// active-transcodes index, runners as child processes).
export { createEmbeddedService } from './main/embedded';
