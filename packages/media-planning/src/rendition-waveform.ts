// Waveform peaks for an audio player: the samples split into N equal bins, each reduced to its
// minimum and maximum. Fed chunk by chunk, so an hour of audio never sits in memory.

export interface WaveformJson {
  version: 1;
  durationSeconds: number;
  /** Rate of the mono signal the peaks were taken from. */
  sampleRate: number;
  peaks: number;
  /** `[min0, max0, min1, max1, …]`, full scale = ±1, 4 decimals. */
  data: number[];
}

const FULL_SCALE = 32768;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export class WaveformPeakReducer {
  private readonly mins: Float64Array;
  private readonly maxs: Float64Array;
  private seen = 0;

  /** `totalSamples` fixes the bin edges up front; samples past it fall into the last bin. */
  constructor(
    private readonly totalSamples: number,
    readonly peaks: number,
  ) {
    this.mins = new Float64Array(peaks);
    this.maxs = new Float64Array(peaks);
  }

  /** Signed 16-bit mono samples, in order. */
  push(samples: Int16Array): void {
    for (const sample of samples) {
      const bin = Math.min(
        this.peaks - 1,
        Math.floor((this.seen * this.peaks) / Math.max(1, this.totalSamples)),
      );
      const value = sample / FULL_SCALE;
      if (value < (this.mins[bin] ?? 0)) this.mins[bin] = value;
      if (value > (this.maxs[bin] ?? 0)) this.maxs[bin] = value;
      this.seen += 1;
    }
  }

  result(durationSeconds: number, sampleRate: number): WaveformJson {
    const data: number[] = [];
    for (let i = 0; i < this.peaks; i += 1) data.push(round4(this.mins[i] ?? 0), round4(this.maxs[i] ?? 0));
    return { version: 1, durationSeconds, sampleRate, peaks: this.peaks, data };
  }
}
