// Nothing here talks to AWS, so the preset's emulator start-up is skipped when this package runs alone.
module.exports = { ...require('../../jest.preset.js')(__dirname), globalSetup: undefined, globalTeardown: undefined };
