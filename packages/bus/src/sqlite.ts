// @mediaflow/bus/sqlite: the embedded bus, a durable log in one SQLite file shared by every service of the process.
export { SqliteBus } from './adapters/local/sqlite-bus';
export type { SqliteConsumerOptions } from './adapters/local/sqlite-event-consumer';
