// LocalStack through testcontainers, for machines with a Docker engine (MEDIAFLOW_EMULATOR=localstack).
// Pinned to 4.14.0, the last image that starts without an auth token.
const LOCALSTACK_IMAGE = 'localstack/localstack:4.14.0';

const startLocalStack = async () => {
  const { getContainerRuntimeClient } = require('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch (e) {
    throw new Error(`MEDIAFLOW_EMULATOR=localstack needs a Docker engine and none answered: ${e.message}`);
  }
  const { LocalstackContainer } = require('@testcontainers/localstack');
  const container = await new LocalstackContainer(LOCALSTACK_IMAGE).start();
  return { endpoint: container.getConnectionUri(), image: LOCALSTACK_IMAGE, stop: () => container.stop() };
};

module.exports = { startLocalStack, LOCALSTACK_IMAGE };
