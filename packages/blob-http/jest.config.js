// Nothing here talks to AWS, so the preset's emulator start-up is skipped when this package runs alone.
// jose (through @mediaflow/http) ships ESM only, so it is transformed like inversify.
const preset = require('../../jest.preset.js')(__dirname);
module.exports = {
  ...preset,
  globalSetup: undefined,
  globalTeardown: undefined,
  transformIgnorePatterns: ['/node_modules/(?!(inversify|@inversifyjs|jose)/)'],
};
