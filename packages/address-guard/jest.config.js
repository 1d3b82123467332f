// Nothing here talks to AWS: skip the emulator when this package runs alone.
module.exports = { ...require('../../jest.preset.js')(__dirname), globalSetup: undefined, globalTeardown: undefined };
