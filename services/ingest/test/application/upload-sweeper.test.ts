// The background sweep: a pass at start, then one per interval, never two at once, a failing pass
// logged and retried, and stop() waiting for the pass in flight.
import { createLogger } from '@mediaflow/logging';
import { UploadSweeper } from '../../src/application/upload-sweeper';

process.env.LOG_LEVEL ??= 'SILENT';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs passes back to back at its interval, survives a failing one, and stops cleanly', async () => {
  let passes = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const sweeper = new UploadSweeper(
    async () => {
      passes += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await sleep(15);
      concurrent -= 1;
      if (passes === 2) throw new Error('storage unavailable');
      return 0;
    },
    5,
    createLogger('sweeper-test'),
  );
  sweeper.start();
  await sleep(150);
  await sweeper.stop();
  const afterStop = passes;
  await sleep(50);
  expect(afterStop).toBeGreaterThanOrEqual(3);
  expect(passes).toBe(afterStop);
  expect(maxConcurrent).toBe(1);
  expect(concurrent).toBe(0);
});
