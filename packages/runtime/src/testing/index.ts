// @mediaflow/runtime/testing: an embedded deployment for one service's tests (bus, data folder, settings, secrets).
export { createEmbeddedTestDeployment, TEST_SECRETS, type EmbeddedTestDeployment, type EmbeddedTestDeploymentOptions } from './embedded-test-deployment';
