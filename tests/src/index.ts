// @mediaflow/tests: the cross-service test kit the benchmarks and examples reuse: an embedded or emulator (AWS adapters) deployment, the API client, Chromium.
export { startTestDeployment, type TestDeployment } from './embedded-deployment';
export { startAwsTestDeployment, type AwsTestDeployment } from './aws-deployment';
export { ApiClient } from './api-client';
export { collectPageErrors, findOrInstallChromium, launchChromium } from './browser';
export { signInWithDevToken } from './ui-driver';
