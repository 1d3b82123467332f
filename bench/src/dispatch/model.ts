// The parameters of the dispatch model, each with where it comes from (docs/dispatch.md cites the
// sources; "assumption" marks a number no source gives). Times in seconds, money in USD.

export interface WorkloadModel {
  readonly uploadsPerDay: number;
  /** Relative upload rate per hour of the day (0..23); quiet nights are what scale-to-zero is for. */
  readonly hourlyWeights: readonly number[];
  /** Bursts per day: `burstSize` uploads completing within one minute, at random daytime minutes. */
  readonly burstsPerDay: number;
  readonly burstSize: readonly [number, number];
  readonly burstHours: readonly [number, number];
  /** Transcode time: lognormal (median, σ of the log). */
  readonly transcodeMedian: number;
  readonly transcodeSigma: number;
  /** Upload complete → the dispatch decision (UploadCompleted, probe, JobValidated, TranscodeRequested). */
  readonly pipelineSeconds: number;
}

export interface FargateModel {
  /** Task start, RunTask → container running: lognormal (median, σ of the log). */
  readonly coldStartMedian: number;
  readonly coldStartSigma: number;
  /** The part of a start before the image pull (ENI attach): not billed. */
  readonly unbilledStartSeconds: number;
  /** Launch-rate token bucket (tasks). */
  readonly launchBurst: number;
  readonly launchPerSecond: number;
  /** Runner task size, from cdktf's runner task definition (MEDIAFLOW_RUNNER_CPU / _MEMORY_MIB / _EPHEMERAL_GIB). */
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly ephemeralGiB: number;
  /** us-east-1 Linux/x86 prices. */
  readonly pricePerVcpuHour: number;
  readonly pricePerGiBHour: number;
  /** Per GiB-hour above the 20 GiB included. */
  readonly pricePerEphemeralGiBHour: number;
  readonly minimumBilledSeconds: number;
  /** A runner's exit after its job (outputs are uploaded within the transcode time). */
  readonly exitSeconds: number;
  /** A warm runner's long poll answering a message that arrives while it waits. */
  readonly pollSeconds: number;
}

export interface WarmServiceModel {
  readonly maxTasks: number;
  /** CloudWatch period of the SQS backlog metric, and the delay before a datapoint is usable. */
  readonly metricPeriod: number;
  readonly metricLagPeriods: number;
  /** Consecutive breaching datapoints before scale-out (step scaling: 1; target tracking: 3). */
  readonly scaleOutDatapoints: number;
  /** Consecutive low datapoints before scale-in (target tracking's default scale-in alarm: 15). */
  readonly scaleInDatapoints: number;
  /** Jobs per task the backlog target aims at (one job at a time per runner). */
  readonly backlogPerTask: number;
}

export interface HybridModel {
  /** Warm runners kept while there was traffic in the last `activeWindow` seconds. */
  readonly floor: number;
  readonly activeWindow: number;
}

export interface DispatchModel {
  readonly workload: WorkloadModel;
  readonly fargate: FargateModel;
  readonly warm: WarmServiceModel;
  readonly hybrid: HybridModel;
  readonly budgetSeconds: number;
}

// Night hours (01–05) carry almost nothing: gaps of tens of minutes between uploads.
const HOURLY = [0.3, 0.05, 0.005, 0.005, 0.005, 0.05, 0.5, 1, 1, 1.5, 1.5, 1.5, 1.3, 1.3, 1.5, 1.5, 1.5, 1.5, 1.2, 1.2, 1.2, 0.8, 0.8, 0.5];

export const seedModel: DispatchModel = {
  workload: {
    uploadsPerDay: 5000,
    hourlyWeights: HOURLY,
    burstsPerDay: 8,
    burstSize: [20, 60],
    burstHours: [8, 22],
    transcodeMedian: 90,
    transcodeSigma: 1,
    pipelineSeconds: 3,
  },
  fargate: {
    coldStartMedian: 40,
    coldStartSigma: 0.25,
    unbilledStartSeconds: 10,
    launchBurst: 100,
    launchPerSecond: 20,
    vcpu: 2,
    memoryGiB: 4,
    ephemeralGiB: 50,
    pricePerVcpuHour: 0.04048,
    pricePerGiBHour: 0.004445,
    pricePerEphemeralGiBHour: 0.000111,
    minimumBilledSeconds: 60,
    exitSeconds: 2,
    pollSeconds: 0.5,
  },
  warm: {
    maxTasks: 100,
    metricPeriod: 60,
    metricLagPeriods: 1,
    scaleOutDatapoints: 1,
    scaleInDatapoints: 15,
    backlogPerTask: 1,
  },
  hybrid: { floor: 8, activeWindow: 15 * 60 },
  budgetSeconds: 120,
};

/** Dollars per second of one runner task. */
export const taskPricePerSecond = (f: FargateModel): number =>
  (f.vcpu * f.pricePerVcpuHour +
    f.memoryGiB * f.pricePerGiBHour +
    Math.max(0, f.ephemeralGiB - 20) * f.pricePerEphemeralGiBHour) /
  3600;

export const withColdStart = (m: DispatchModel, median: number): DispatchModel => ({
  ...m,
  fargate: { ...m.fargate, coldStartMedian: median },
});

export const withFloor = (m: DispatchModel, floor: number): DispatchModel => ({
  ...m,
  hybrid: { ...m.hybrid, floor },
});
