// The seed workload as jobs: uploads over `days` days with a diurnal rate (a non-homogeneous Poisson
// process, by thinning), plus bursts of 20–60 uploads within one minute; each with its transcode time.
import type { WorkloadModel } from './model';
import { exponential, lognormal, substream, uniform, type Random } from './random';

export interface Job {
  readonly id: number;
  /** Upload complete (s since the start of day 0). */
  readonly uploadAt: number;
  /** When the dispatcher decides (upload + pipeline). */
  readonly readyAt: number;
  readonly transcodeSeconds: number;
}

const DAY = 86_400;

const burstArrivals = (w: WorkloadModel, rng: Random, days: number): number[] => {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    for (let b = 0; b < w.burstsPerDay; b++) {
      const minute = Math.floor(uniform(rng, w.burstHours[0] * 60, w.burstHours[1] * 60));
      const size = Math.floor(uniform(rng, w.burstSize[0], w.burstSize[1] + 1));
      for (let i = 0; i < size; i++) out.push(d * DAY + minute * 60 + uniform(rng, 0, 60));
    }
  }
  return out;
};

const backgroundArrivals = (w: WorkloadModel, rng: Random, days: number, count: number): number[] => {
  const total = w.hourlyWeights.reduce((a, b) => a + b, 0);
  const peak = Math.max(...w.hourlyWeights);
  const peakRate = (count / DAY) * (peak / total) * w.hourlyWeights.length;
  const out: number[] = [];
  for (let t = exponential(rng, 1 / peakRate); t < days * DAY; t += exponential(rng, 1 / peakRate)) {
    const weight = w.hourlyWeights[Math.floor((t % DAY) / 3600)] ?? 0;
    if (rng.next() < weight / peak) out.push(t);
  }
  return out;
};

export const generateJobs = (w: WorkloadModel, seed: number, days = 1): Job[] => {
  const arrivals = substream(seed, 'arrivals');
  const bursts = burstArrivals(w, arrivals, days);
  const background = backgroundArrivals(w, arrivals, days, w.uploadsPerDay - bursts.length / days);
  const durations = substream(seed, 'durations');
  return [...bursts, ...background]
    .sort((a, b) => a - b)
    .map((uploadAt, id) => ({
      id,
      uploadAt,
      readyAt: uploadAt + w.pipelineSeconds,
      transcodeSeconds: lognormal(durations, w.transcodeMedian, w.transcodeSigma),
    }));
};

/** The longest stretch without an upload (s): how long scale-to-zero has to pay off. */
export const longestGap = (jobs: readonly Job[]): number =>
  jobs.reduce((max, j, i) => (i === 0 ? max : Math.max(max, j.uploadAt - jobs[i - 1]!.uploadAt)), 0);

/** The most uploads completing within any 60 s window. */
export const peakPerMinute = (jobs: readonly Job[]): number => {
  let best = 0;
  for (let i = 0, j = 0; j < jobs.length; j++) {
    while (jobs[j]!.uploadAt - jobs[i]!.uploadAt >= 60) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
};
