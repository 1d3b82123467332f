// Stops what global-setup started (once, whichever project's teardown runs first).
module.exports = async function globalTeardown() {
  const servers = globalThis.__MEDIAFLOW_EMULATORS__ || [];
  globalThis.__MEDIAFLOW_EMULATORS__ = [];
  await Promise.all(servers.map((s) => s.stop()));
};
