// Starts the AWS emulator once per jest run, unless AWS_ENDPOINT_URL already names one (LocalStack,
// MiniStack, a real account). moto: one server per jest worker, so a suite can reset its worker's
// server without touching a suite running beside it. MEDIAFLOW_EMULATOR=localstack uses
// testcontainers' LocalStack module when a Docker engine answers.
const { startMoto, MOTO_VERSION } = require('./moto');

const say = (m) => process.stderr.write(`\n[emulator] ${m}\n`);

module.exports = async function globalSetup(globalConfig) {
  if (process.env.MEDIAFLOW_EMULATOR_STARTED) return; // already done by another project of this run
  process.env.MEDIAFLOW_EMULATOR_STARTED = '1';
  process.env.AWS_REGION = process.env.AWS_REGION || 'us-east-1';

  if (process.env.AWS_ENDPOINT_URL) {
    process.env.MEDIAFLOW_EMULATOR_KIND = 'external';
    say(`AWS suites use AWS_ENDPOINT_URL=${process.env.AWS_ENDPOINT_URL} (external; suites isolate by unique names)`);
    return;
  }
  if (process.env.MEDIAFLOW_EMULATOR === 'localstack') {
    const { startLocalStack } = require('./localstack-container');
    const ls = await startLocalStack();
    globalThis.__MEDIAFLOW_EMULATORS__ = [ls];
    process.env.AWS_ENDPOINT_URL = ls.endpoint;
    process.env.MEDIAFLOW_EMULATOR_KIND = 'localstack';
    say(`AWS suites use LocalStack ${ls.image} (testcontainers) at ${ls.endpoint}`);
    return;
  }
  const workers = Math.max(1, Math.min(globalConfig.maxWorkers || 1, 4));
  const servers = await Promise.all(Array.from({ length: workers }, () => startMoto()));
  globalThis.__MEDIAFLOW_EMULATORS__ = servers;
  process.env.MEDIAFLOW_EMULATOR_ENDPOINTS = servers.map((s) => s.endpoint).join(',');
  process.env.MEDIAFLOW_EMULATOR_KIND = `moto ${MOTO_VERSION}`;
  say(`AWS suites use moto ${MOTO_VERSION} server mode at ${process.env.MEDIAFLOW_EMULATOR_ENDPOINTS} (one per jest worker, reset before each suite)`);
};
