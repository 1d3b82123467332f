// A seeded random source for the dispatch simulation: the same seed gives the same day, so policies
// are compared on identical arrivals and durations (common random numbers).

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, good enough for simulation (not for secrets). */
export const seededRandom = (seed: number): Random => {
  let a = seed >>> 0;
  return {
    next: () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
};

export const uniform = (rng: Random, low: number, high: number): number => low + (high - low) * rng.next();

/** Standard normal by Box–Muller. */
export const standardNormal = (rng: Random): number => {
  const u = 1 - rng.next(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
};

/** Lognormal given its median and the sigma of its log: median·e^(σZ). */
export const lognormal = (rng: Random, median: number, sigma: number): number =>
  median * Math.exp(sigma * standardNormal(rng));

export const exponential = (rng: Random, mean: number): number => -mean * Math.log(1 - rng.next());

/** An independent stream derived from a seed and a label, so adding draws to one stream leaves the others alone. */
export const substream = (seed: number, label: string): Random => {
  let h = 2166136261 ^ seed;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return seededRandom(h >>> 0);
};
