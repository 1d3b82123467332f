// Order statistics for bench samples: medians of repeated runs and latency percentiles.

/** Nearest-rank percentile (p in 0..100) of the samples; NaN for none. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
};

/** The middle value (mean of the two middle ones for an even count). */
export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A number with `digits` decimals, or "n/a" when it is not finite. */
export const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

/** "0.74x": a ratio as the tables print it. */
export const ratio = (numerator: number, denominator: number): string =>
  `${fixed(numerator / denominator, 2)}x`;
