// Nothing here talks to AWS, so the preset's emulator start-up is skipped when this package runs alone.
// jose ships ESM only: jest's module system cannot require it untransformed (Node's require(esm) can).
const preset = require('../../jest.preset.js')(__dirname);
module.exports = {
  ...preset,
  globalSetup: undefined,
  globalTeardown: undefined,
  transformIgnorePatterns: ['/node_modules/(?!(inversify|@inversifyjs|jose)/)'],
};
