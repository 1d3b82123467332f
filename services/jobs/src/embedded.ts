// @mediaflow/jobs/embedded: jobs in the all-in-one process (SQLite event store and read model).
export { createEmbeddedService } from './main/embedded';
