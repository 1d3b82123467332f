// @mediaflow/localstack: the emulator bootstrap, which provisions every registered service's bus
// rules, queues, tables and buckets (`npm run bootstrap -w @mediaflow/localstack`, and the AWS tests).
export { bootstrap, type BootstrapReport } from './bootstrap';
