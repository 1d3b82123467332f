// @mediaflow/embedded: the all-in-one deployment behind `npm start`, for the tests and benchmarks that start one in-process.
export { startAllInOne, type RunningDeployment } from './all-in-one';
export { EmbeddedEnvironmentSchema, loadEmbeddedSettings, rotateEmbeddedSecrets, type EmbeddedSettings } from './embedded-config';
