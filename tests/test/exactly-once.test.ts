import { embeddedWorld } from '../src/delivery-worlds';
import { runExactlyOnceScenario } from '../src/exactly-once-scenario';

describe('a relay that dies between append and publish, embedded (SQLite stores + SQLite bus)', () => {
  it('ends with every subscriber effect exactly once although the bus delivered duplicates', async () => {
    const world = await embeddedWorld();
    try {
      const jobs = ['a1', 'b2', 'c3', 'd4', 'e5'];
      const { effectsPerJob, deliveries } = await runExactlyOnceScenario(world, jobs);
      const once = Object.fromEntries(jobs.map((j) => [j, 1]));
      expect(effectsPerJob).toEqual({ processing: once, notifications: once });
      expect(deliveries.processing).toBe(2 * jobs.length);
    } finally {
      await world.dispose();
    }
  });
});
