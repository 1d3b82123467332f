// @mediaflow/notifications/embedded: notifications in the all-in-one process (SQLite stores, SSE on the shared port).
export { createEmbeddedService } from './main/embedded';
