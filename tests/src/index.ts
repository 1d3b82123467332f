// @mediaflow/tests: the cross-service test kit the benchmarks reuse: an embedded deployment, the API client, Chromium.
export { startTestDeployment, type TestDeployment } from './embedded-deployment';
export { ApiClient } from './api-client';
export { collectPageErrors, findOrInstallChromium, launchChromium } from './browser';
export { signInWithDevToken } from './ui-driver';
