// @mediaflow/runtime/testing: an embedded deployment for one service's tests (bus, data folder, settings, secrets).
export { createEmbeddedTestDeployment, TEST_SECRETS } from './embedded-test-deployment';
