// Append throughput of one target: single-event appends to distinct streams, single-event appends
// to one stream in sequence (each at the version the last one returned), and the raw-write
// baselines. One writer, each call awaited: the latency-bound rate a command handler sees, not a
// bulk-load rate. The cases run in a rotating order each round so drift hits them alike.
import { performance } from 'node:perf_hooks';
import type { EventStore } from '@mediaflow/event-store';
import { median } from '../shared/stats';
import type { BenchTarget } from './bench-target';
import { newBenchEvent } from './bench-events';

export interface AppendCase {
  readonly label: string;
  readonly isBaseline: boolean;
  /** Appends (or raw writes) per second, one entry per round. */
  readonly perRound: number[];
}

const timeAppends = async (store: EventStore, count: number, oneStream: boolean): Promise<number> => {
  const events = Array.from({ length: count }, (_, i) => newBenchEvent(`job-${i}`));
  const started = performance.now();
  let version = 0;
  for (const [i, event] of events.entries()) {
    if (oneStream) version = (await store.append('bench-one', version, [event])).nextExpectedVersion;
    else await store.append(`bench-${i}`, 0, [event]);
  }
  return (performance.now() - started) / 1000;
};

const storeCase = (target: BenchTarget, oneStream: boolean) => async (count: number) => {
  const opened = await target.openStore();
  try {
    return await timeAppends(opened.store, count, oneStream);
  } finally {
    await opened.close();
  }
};

export const measureAppends = async (
  target: BenchTarget,
  count: number,
  rounds: number,
): Promise<AppendCase[]> => {
  const runs: Array<{ label: string; isBaseline: boolean; seconds: (n: number) => Promise<number> }> = [
    ...target.baselines.map((b) => ({
      label: `baseline: ${b.name}`,
      isBaseline: true,
      seconds: (n: number) => b.writes(n),
    })),
    {
      label: 'store.append, 1 event, distinct streams',
      isBaseline: false,
      seconds: storeCase(target, false),
    },
    {
      label: 'store.append, 1 event, one stream in sequence',
      isBaseline: false,
      seconds: storeCase(target, true),
    },
  ];
  const cases: AppendCase[] = runs.map(({ label, isBaseline }) => ({ label, isBaseline, perRound: [] }));
  // A short warm-up of each: statement preparation and connection set-up stay out of the figures.
  for (const run of runs) await run.seconds(Math.min(20, count));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runs.length; k++) {
      const i = (k + round) % runs.length;
      const [run, into] = [runs[i], cases[i]];
      if (run && into) into.perRound.push(count / (await run.seconds(count)));
    }
  }
  return cases;
};

export const medianRate = (c: AppendCase): number => median(c.perRound);
