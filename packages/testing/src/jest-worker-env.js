// Runs in each test file before its code: points the AWS SDK at this worker's emulator and gives
// the suite a clean emulator (moto only; an external endpoint is shared, suites use unique names).
const endpoints = (process.env.MEDIAFLOW_EMULATOR_ENDPOINTS || '').split(',').filter(Boolean);
if (endpoints.length > 0) {
  const worker = Number(process.env.JEST_WORKER_ID || '1');
  const endpoint = endpoints[(worker - 1) % endpoints.length];
  process.env.AWS_ENDPOINT_URL = endpoint;
  process.env.MEDIAFLOW_EMULATOR_RESET = endpoint;
}
if (process.env.AWS_ENDPOINT_URL) {
  process.env.AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID || 'test';
  process.env.AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY || 'test';
}
process.env.AWS_REGION = process.env.AWS_REGION || 'us-east-1';
// The SDK's notice that Node 20 support ends in 2027 is for operators, not for every test file.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
