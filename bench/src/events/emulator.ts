// The AWS endpoint for the emulator half: AWS_ENDPOINT_URL when set (LocalStack, MiniStack, an
// account), else a moto server started here with the test harness's pinned version.
interface MotoServer {
  readonly endpoint: string;
  stop(): void;
}

interface MotoHarness {
  readonly MOTO_VERSION: string;
  startMoto(): Promise<MotoServer>;
}

export interface Emulator {
  readonly endpoint: string;
  /** "moto 5.2.5 (started by the bench)" or "AWS_ENDPOINT_URL (not started here)". */
  readonly description: string;
  stop(): void;
}

export const useEmulator = async (): Promise<Emulator> => {
  const given = process.env.AWS_ENDPOINT_URL;
  if (given)
    return { endpoint: given, description: 'from AWS_ENDPOINT_URL, not started here', stop: () => undefined };
  // Plain CommonJS with no types: packages/testing/src/moto.js is shared with jest's global setup.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const moto = require('@mediaflow/testing') as MotoHarness;
  const server = await moto.startMoto();
  process.env.AWS_ENDPOINT_URL = server.endpoint;
  return {
    endpoint: server.endpoint,
    description: `moto ${moto.MOTO_VERSION} server, started by the bench`,
    stop: () => {
      server.stop();
      delete process.env.AWS_ENDPOINT_URL;
    },
  };
};
