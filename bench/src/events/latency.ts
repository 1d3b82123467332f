// Publish→handled latency of one target, per event, matched by eventId: the time from just before
// the producer's call (publish, or append) to the consumer's handler starting on that event.
// Three paths: the bare bus (publish → handled), and append → outbox relay → bus → handled with the
// relay kicked right after each append, and with the relay only polling (what runs today).
// Events arrive open-loop (exponential gaps), so several may be in flight, as in real traffic.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxRelay, toBusEnvelope } from '@mediaflow/event-store';
import { percentile } from '../shared/stats';
import type { BenchTarget } from './bench-target';
import { benchEnvelope, newBenchEvent } from './bench-events';

export type LatencyPath = 'bus' | 'storeKicked' | 'storePolled';
const LATENCY_PATHS: readonly LatencyPath[] = ['bus', 'storeKicked', 'storePolled'];

export interface LatencyFigures {
  /** Every sample (ms), so runs in several processes can be pooled. */
  readonly samples: readonly number[];
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly handled: number;
  readonly lost: number;
}

interface LatencyOptions {
  readonly events: number;
  readonly meanGapMs: number;
  readonly relayIntervalMs: number;
}

const DRAIN_TIMEOUT_MS = 30_000;

const exponentialGap = (meanMs: number): number =>
  Math.min(10 * meanMs, -Math.log(1 - Math.random()) * meanMs);

class Stopwatch {
  private readonly sentAt = new Map<string, number>();
  readonly samples: number[] = [];
  sent(eventId: string): void {
    this.sentAt.set(eventId, performance.now());
  }
  handled(eventId: string): void {
    const t0 = this.sentAt.get(eventId);
    if (t0 === undefined) return; // a redelivery, or another path's straggler
    this.samples.push(performance.now() - t0);
    this.sentAt.delete(eventId);
  }
  get pending(): number {
    return this.sentAt.size;
  }
}

const drain = async (watch: Stopwatch): Promise<void> => {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (watch.pending > 0 && performance.now() < deadline) await sleep(5);
};

const runPath = async (
  target: BenchTarget,
  path: LatencyPath,
  count: number,
  watch: Stopwatch,
  o: LatencyOptions,
) => {
  if (path === 'bus') {
    for (let i = 0; i < count; i++) {
      const envelope = benchEnvelope(`bus-${i}`);
      watch.sent(envelope.detail.metadata.eventId);
      await target.publisher.publish([envelope]);
      await sleep(exponentialGap(o.meanGapMs));
    }
    return drain(watch);
  }
  const opened = await target.openStore();
  const relay = new OutboxRelay({
    outbox: opened.outbox,
    publish: (entries) => target.publisher.publish(entries.map(toBusEnvelope)),
    intervalMs: o.relayIntervalMs,
  });
  relay.start();
  try {
    for (let i = 0; i < count; i++) {
      const event = newBenchEvent(`lat-${i}`);
      watch.sent(event.metadata.eventId);
      await opened.store.append(`lat-${i}`, 0, [event]);
      if (path === 'storeKicked') void relay.relayOnce().catch(() => undefined); // the poll retries it
      await sleep(exponentialGap(o.meanGapMs));
    }
    await drain(watch);
  } finally {
    await relay.stop();
    await opened.close();
  }
};

export const latencyFigures = (samples: readonly number[], lost: number): LatencyFigures => ({
  samples,
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  max: percentile(samples, 100),
  handled: samples.length,
  lost,
});

export const measureLatency = async (
  target: BenchTarget,
  options: LatencyOptions,
): Promise<Record<LatencyPath, LatencyFigures>> => {
  const watches = {
    bus: new Stopwatch(),
    storeKicked: new Stopwatch(),
    storePolled: new Stopwatch(),
    warmUp: new Stopwatch(),
  };
  const consumer = await target.consumer();
  await consumer.start(async (envelope) => {
    const { eventId } = envelope.detail.metadata;
    for (const watch of Object.values(watches)) watch.handled(eventId);
  });
  try {
    await runPath(target, 'bus', 3, watches.warmUp, options); // connections, first receive
    // Two halves in opposite orders, samples pooled: drift in machine load hits every path alike.
    const half = Math.ceil(options.events / 2);
    for (const order of [LATENCY_PATHS, [...LATENCY_PATHS].reverse()]) {
      for (const path of order) await runPath(target, path, half, watches[path], options);
    }
  } finally {
    await consumer.stop();
  }
  const figures = (watch: Stopwatch): LatencyFigures => latencyFigures(watch.samples, watch.pending);
  return {
    bus: figures(watches.bus),
    storeKicked: figures(watches.storeKicked),
    storePolled: figures(watches.storePolled),
  };
};
