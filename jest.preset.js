// Shared jest settings for every workspace: swc transpiles TypeScript (type-checking is `npm run typecheck`),
// inversify ships ESM only so it is transformed too, and the emulator harness is started once per run.
const path = require('node:path');

/** @param {string} dir the workspace folder */
module.exports = function preset(dir) {
  return {
    rootDir: dir,
    displayName: path.relative(__dirname, dir) || 'root',
    testEnvironment: 'node',
    testMatch: ['<rootDir>/{src,test}/**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    transformIgnorePatterns: ['/node_modules/(?!(inversify|@inversifyjs|jose)/)'],
    setupFiles: [path.join(__dirname, 'packages/testing/src/jest-worker-env.js')],
    setupFilesAfterEnv: [path.join(__dirname, 'packages/testing/src/jest-suite-reset.js')],
    globalSetup: path.join(__dirname, 'packages/testing/src/global-setup.js'),
    globalTeardown: path.join(__dirname, 'packages/testing/src/global-teardown.js'),
    testTimeout: 30000,
  };
};
