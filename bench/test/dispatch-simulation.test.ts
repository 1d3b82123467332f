// The dispatch simulation's core: the event loop, the launch-rate bucket, and each policy on
// workloads small enough to know the answer by hand.
import { EventLoop } from '../src/dispatch/event-loop';
import { seedModel, type DispatchModel } from '../src/dispatch/model';
import { billedSeconds } from '../src/dispatch/outcome';
import { simulateHybrid, simulateRunTask, simulateWarmService } from '../src/dispatch/policies';
import { seededRandom } from '../src/dispatch/random';
import { TokenBucket } from '../src/dispatch/token-bucket';
import { generateJobs, peakPerMinute, type Job } from '../src/dispatch/workload';

/** Cold starts of exactly `seconds` (sigma 0). */
const fixedColdStart = (seconds: number, patch: Partial<DispatchModel['hybrid']> = {}): DispatchModel => ({
  ...seedModel,
  fargate: { ...seedModel.fargate, coldStartMedian: seconds, coldStartSigma: 0 },
  hybrid: { ...seedModel.hybrid, ...patch },
});
const job = (id: number, uploadAt: number, transcodeSeconds = 100): Job => ({ id, uploadAt, readyAt: uploadAt + 3, transcodeSeconds });

describe('the event loop', () => {
  it('runs actions in time order, ties in the order they were scheduled', () => {
    const loop = new EventLoop();
    const seen: string[] = [];
    loop.at(5, () => seen.push('b'));
    loop.at(1, () => seen.push('a'));
    loop.at(5, () => seen.push('c'));
    loop.at(1, () => loop.at(3, () => seen.push(`inner@${loop.now}`)));
    loop.run();
    expect(seen).toEqual(['a', 'inner@3', 'b', 'c']);
  });
});

describe('the launch-rate token bucket', () => {
  it('refuses the 101st launch in the first second and grants it once a token is back', () => {
    const bucket = new TokenBucket(100, 20);
    for (let i = 0; i < 100; i++) expect(bucket.tryTake(0.5)).toBe(true);
    expect(bucket.tryTake(0.5)).toBe(false);
    expect(bucket.tryTake(0.5 + 1 / 20)).toBe(true);
  });

  it('delays reserved launches beyond the burst at the sustained rate', () => {
    const bucket = new TokenBucket(100, 20);
    const grants = Array.from({ length: 120 }, () => bucket.reserve(0));
    expect(grants[99]).toBe(0);
    expect(grants[100]).toBeCloseTo(0.05);
    expect(grants[119]).toBeCloseTo(1);
  });
});

describe('RunTask per job', () => {
  it('starts a lone job one cold start after its dispatch', () => {
    const run = simulateRunTask(fixedColdStart(40), [job(0, 1000)], seededRandom(1));
    expect(run.timeToStart).toEqual([43]);
    // Billed from the image pull (10 s after launch) to the exit after the job: 30 + 100 + 2 s.
    expect(billedSeconds(run.tasks[0]!, seedModel.fargate)).toBeCloseTo(132);
  });

  it('bills a short task the one-minute minimum', () => {
    const run = simulateRunTask(fixedColdStart(12), [job(0, 0, 5)], seededRandom(1));
    expect(billedSeconds(run.tasks[0]!, seedModel.fargate)).toBe(60);
  });
});

describe('the hybrid', () => {
  it('sends the first job after a quiet spell to RunTask while the floor warms, then serves from the floor', () => {
    const run = simulateHybrid(fixedColdStart(40, { floor: 1, activeWindow: 900 }), [job(0, 0), job(1, 300)], seededRandom(1));
    expect(run.timeToStart[0]).toBe(43);
    expect(run.timeToStart[1]).toBeCloseTo(3.5); // pipeline + the floor runner's poll
    expect(run.tasks).toHaveLength(2); // the floor runner and one RunTask
  });

  it('sends the job beyond a busy floor to RunTask', () => {
    const run = simulateHybrid(fixedColdStart(40, { floor: 1, activeWindow: 900 }), [job(0, 0), job(1, 100, 500), job(2, 110)], seededRandom(1));
    expect(run.timeToStart.slice(1)).toEqual([3.5, 43]);
    expect(run.tasks).toHaveLength(3);
  });

  it('stops the floor once no upload came for the active window (scale to zero)', () => {
    const run = simulateHybrid(fixedColdStart(40, { floor: 2, activeWindow: 600 }), [job(0, 0, 10)], seededRandom(1));
    const floorStops = run.tasks.filter((t) => t.busySeconds === 0).map((t) => t.stopAt);
    expect(floorStops).toEqual([603, 603]);
  });
});

describe('the warm service', () => {
  it('makes a job after a quiet spell wait for the backlog datapoint, its lag and a cold start', () => {
    const run = simulateWarmService(fixedColdStart(40), [job(0, 1000)], seededRandom(1));
    // Ready at 1003; the datapoint at 1020 sees it, is used one period late (1080), + 40 s + poll.
    expect(run.timeToStart[0]).toBeCloseTo(1080 + 40 + 0.5 - 1000);
  });
});

describe('the seed workload', () => {
  it('has about 5,000 uploads a day and a burst of at least 20 in one minute, the same for the same seed', () => {
    const jobs = generateJobs(seedModel.workload, 3);
    expect(jobs.length).toBeGreaterThan(4800);
    expect(jobs.length).toBeLessThan(5200);
    expect(peakPerMinute(jobs)).toBeGreaterThanOrEqual(20);
    expect(generateJobs(seedModel.workload, 3)).toEqual(jobs);
  });
});
