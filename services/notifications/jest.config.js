// The shared preset (with the emulator for *.aws.test.ts); jose, which @mediaflow/http imports, ships
// ESM only, so it is transformed like inversify.
const preset = require('../../jest.preset.js')(__dirname);
module.exports = { ...preset, transformIgnorePatterns: ['/node_modules/(?!(inversify|@inversifyjs|jose)/)'] };
