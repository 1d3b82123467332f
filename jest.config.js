// The whole suite in one jest run: one emulator pool for every project (see packages/testing).
const path = require('node:path');
const fs = require('node:fs');

const roots = ['contracts', 'tests', 'localstack', 'cdktf', 'embedded', 'cli', 'web', 'bench', ...['packages', 'services', 'examples'].flatMap((d) =>
  fs.readdirSync(path.join(__dirname, d)).map((n) => `${d}/${n}`),
)].filter((p) => fs.existsSync(path.join(__dirname, p, 'jest.config.js')));

module.exports = {
  projects: roots.map((p) => `<rootDir>/${p}`),
  // Per-project testTimeout is ignored in multi-project runs: it is a global option.
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/packages/testing/src/contract-summary-reporter.js'],
  globalSetup: '<rootDir>/packages/testing/src/global-setup.js',
  globalTeardown: '<rootDir>/packages/testing/src/global-teardown.js',
};
