// Before each test file: reset this worker's moto server, so no suite sees another's resources.
const { resetMoto } = require('./moto');
beforeAll(async () => {
  if (process.env.MEDIAFLOW_EMULATOR_RESET) await resetMoto(process.env.MEDIAFLOW_EMULATOR_RESET);
});
