// jose (through @mediaflow/http) ships ESM only, so it is transformed like inversify. The preset
// starts moto for the *.aws.test.ts suites.
const preset = require('../../jest.preset.js')(__dirname);
module.exports = {
  ...preset,
  transformIgnorePatterns: ['/node_modules/(?!(inversify|@inversifyjs|jose)/)'],
};
