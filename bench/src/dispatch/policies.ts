// The three dispatch policies, each replaying the same jobs through a fresh event loop and fleet.
//   run-task: one Fargate task per job (RunTask), a cold start each.
//   warm-service: an ECS service of queue-fed runners scaled on the queue's backlog (min 0).
//   hybrid: a warm floor while there was traffic lately, RunTask for what the floor cannot take now.
import { EventLoop } from './event-loop';
import { Fleet, type PolicyRun, type Runner } from './fleet';
import type { DispatchModel } from './model';
import type { Random } from './random';
import type { Job } from './workload';

export type PolicyName = 'run-task' | 'warm-service' | 'hybrid';

export const simulateRunTask = (m: DispatchModel, jobs: readonly Job[], coldStarts: Random): PolicyRun => {
  const loop = new EventLoop();
  const fleet = new Fleet(loop, m.fargate, coldStarts);
  for (const job of jobs) loop.at(job.readyAt, () => fleet.runOnce(job));
  loop.run();
  return fleet.result();
};

/** Jobs wait in the queue for a free runner; every period the backlog datapoint (lagged) sets the desired count. */
export const simulateWarmService = (m: DispatchModel, jobs: readonly Job[], coldStarts: Random): PolicyRun => {
  const loop = new EventLoop();
  const fleet = new Fleet(loop, m.fargate, coldStarts);
  const w = m.warm;
  const queue: Job[] = [];
  const runners = new Set<Runner>();
  const datapoints: number[] = [];
  let above = 0;
  let below = 0;
  const lastReady = Math.max(...jobs.map((j) => j.readyAt));
  const feed = (runner: Runner): void => {
    const job = queue.shift();
    if (job) fleet.run(runner, job, m.fargate.pollSeconds, feed);
  };
  const busy = (): number => [...runners].filter((r) => r.state === 'busy').length;
  const tick = (): void => {
    // ApproximateNumberOfMessagesVisible + NotVisible: waiting plus being worked on.
    datapoints.push(queue.length + busy());
    const seen = datapoints[datapoints.length - 1 - w.metricLagPeriods];
    if (seen !== undefined) {
      const desired = Math.min(w.maxTasks, Math.ceil(seen / w.backlogPerTask));
      above = desired > runners.size ? above + 1 : 0;
      below = desired < runners.size ? below + 1 : 0;
      if (above >= w.scaleOutDatapoints) {
        for (let n = runners.size; n < desired; n++) runners.add(fleet.launch(feed));
        above = 0;
      } else if (below >= w.scaleInDatapoints) {
        // Scale-in protection: only idle runners stop.
        const idle = [...runners].filter((r) => r.state === 'idle').slice(0, runners.size - desired);
        for (const r of idle) {
          fleet.stop(r);
          runners.delete(r);
        }
        below = 0;
      }
    }
    if (loop.now < lastReady || runners.size > 0 || queue.length > 0) loop.at(loop.now + w.metricPeriod, tick);
  };
  for (const job of jobs) {
    loop.at(job.readyAt, () => {
      queue.push(job);
      const idle = [...runners].find((r) => r.state === 'idle');
      if (idle) feed(idle);
    });
  }
  loop.at(0, tick);
  loop.run();
  return fleet.result();
};

/** A job goes to an idle floor runner if there is one, else to its own RunTask; the floor lives while traffic is recent. */
export const simulateHybrid = (m: DispatchModel, jobs: readonly Job[], coldStarts: Random): PolicyRun => {
  const loop = new EventLoop();
  const fleet = new Fleet(loop, m.fargate, coldStarts);
  const { floor: size, activeWindow } = m.hybrid;
  const floor = new Set<Runner>();
  let lastArrival = Number.NEGATIVE_INFINITY;
  const active = (): boolean => loop.now < lastArrival + activeWindow; // the same sum checkIdle is scheduled at: no rounding loop
  const settle = (runner: Runner): void => {
    // A runner that finds the floor inactive stops; otherwise it waits for the next job.
    if (!active()) {
      fleet.stop(runner);
      floor.delete(runner);
    }
  };
  const checkIdle = (): void => {
    if (active()) return loop.at(lastArrival + activeWindow, checkIdle);
    for (const r of [...floor]) if (r.state === 'idle' || r.state === 'starting') settle(r);
  };
  for (const job of jobs) {
    loop.at(job.readyAt, () => {
      const wasActive = active();
      lastArrival = loop.now;
      if (!wasActive) loop.at(lastArrival + activeWindow, checkIdle);
      for (let n = floor.size; n < size; n++) floor.add(fleet.launch(settle));
      const idle = [...floor].find((r) => r.state === 'idle');
      if (idle) fleet.run(idle, job, m.fargate.pollSeconds, settle);
      else fleet.runOnce(job);
    });
  }
  loop.run();
  return fleet.result();
};

export const simulate = (policy: PolicyName, m: DispatchModel, jobs: readonly Job[], coldStarts: Random): PolicyRun =>
  policy === 'run-task'
    ? simulateRunTask(m, jobs, coldStarts)
    : policy === 'warm-service'
      ? simulateWarmService(m, jobs, coldStarts)
      : simulateHybrid(m, jobs, coldStarts);
