// Runner tasks as the simulation sees them: launched through the launch-rate bucket, running after a
// sampled cold start, busy with one job at a time, stopped. Their lives are what the bill is made of.
import type { EventLoop } from './event-loop';
import type { FargateModel } from './model';
import { lognormal, type Random } from './random';
import { TokenBucket } from './token-bucket';
import type { Job } from './workload';

export interface TaskLife {
  /** Launch granted (RunTask accepted, or the service placed the task). */
  readonly launchAt: number;
  readyAt: number;
  stopAt: number;
  busySeconds: number;
}

export interface Runner {
  readonly life: TaskLife;
  state: 'starting' | 'idle' | 'busy' | 'stopped';
  idleSince: number;
}

/** What a policy's day produced: each job's time to start (upload complete → transcode start) and every task's life. */
export interface PolicyRun {
  readonly timeToStart: number[];
  readonly tasks: TaskLife[];
}

export class Fleet {
  readonly bucket: TokenBucket;
  readonly tasks: TaskLife[] = [];
  readonly timeToStart: number[] = [];

  constructor(
    private readonly loop: EventLoop,
    private readonly fargate: FargateModel,
    private readonly coldStarts: Random,
  ) {
    this.bucket = new TokenBucket(fargate.launchBurst, fargate.launchPerSecond);
  }

  /** Launches a task now (or when the bucket allows); `onReady` runs once its container is up. */
  launch(onReady: (runner: Runner) => void): Runner {
    const launchAt = this.bucket.reserve(this.loop.now);
    const readyAt = launchAt + lognormal(this.coldStarts, this.fargate.coldStartMedian, this.fargate.coldStartSigma);
    const runner: Runner = { life: { launchAt, readyAt, stopAt: Number.NaN, busySeconds: 0 }, state: 'starting', idleSince: readyAt };
    this.tasks.push(runner.life);
    this.loop.at(readyAt, () => {
      if (runner.state !== 'starting') return;
      runner.state = 'idle';
      onReady(runner);
    });
    return runner;
  }

  /** The runner starts `job` after `delay` and calls `onDone` when the job and its exit are over. */
  run(runner: Runner, job: Job, delay: number, onDone: (runner: Runner) => void): void {
    runner.state = 'busy';
    const startAt = this.loop.now + delay;
    this.timeToStart.push(startAt - job.uploadAt);
    runner.life.busySeconds += job.transcodeSeconds;
    this.loop.at(startAt + job.transcodeSeconds, () => {
      runner.state = 'idle';
      runner.idleSince = this.loop.now;
      onDone(runner);
    });
  }

  /** A one-job task (RunTask): it exits after its job. */
  runOnce(job: Job): void {
    this.launch((runner) => this.run(runner, job, 0, (r) => this.stop(r, this.fargate.exitSeconds)));
  }

  stop(runner: Runner, after = 0): void {
    runner.state = 'stopped';
    runner.life.stopAt = this.loop.now + after;
  }

  result(): PolicyRun {
    return { timeToStart: this.timeToStart, tasks: this.tasks };
  }
}
