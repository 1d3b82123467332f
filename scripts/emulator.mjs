#!/usr/bin/env node
// `npm run emulator:install` installs the pinned moto and Schemathesis into .venv (and Checkov into .venv/checkov); `npm run emulator:start` runs one
// moto server on a free loopback port until Ctrl-C and prints the AWS_ENDPOINT_URL to use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureMoto, ensureSchemathesis, ensureCheckov, startMoto, MOTO_VERSION, SCHEMATHESIS_VERSION, CHECKOV_VERSION } = require('../packages/testing/src/moto.js');

const command = process.argv[2];
if (command === 'install') {
  process.stdout.write(`moto ${MOTO_VERSION}: ${ensureMoto()}\n`);
  process.stdout.write(`schemathesis ${SCHEMATHESIS_VERSION}: ${ensureSchemathesis()}\n`);
  process.stdout.write(`checkov ${CHECKOV_VERSION}: ${ensureCheckov()}\n`);
} else if (command === 'start') {
  const server = await startMoto();
  process.stdout.write(`moto ${MOTO_VERSION} is up\nexport AWS_ENDPOINT_URL=${server.endpoint}\n`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => process.exit(code ?? 1));
} else {
  process.stderr.write('usage: node scripts/emulator.mjs install|start\n');
  process.exit(2);
}
