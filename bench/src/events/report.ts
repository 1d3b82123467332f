// Turns one target's append rates and latencies into the printed tables.
import { fixed, ratio } from '../shared/stats';
import { renderTable } from '../shared/table';
import { medianRate, type AppendCase } from './appends';
import type { LatencyFigures, LatencyPath } from './latency';

export const appendsTable = (cases: readonly AppendCase[]): string => {
  const base = cases[0] ? medianRate(cases[0]) : Number.NaN;
  const rows = cases.map((c) => {
    const rate = medianRate(c);
    return [
      c.label,
      fixed(rate, 0),
      fixed(1000 / rate, 2),
      c.perRound.map((r) => fixed(r, 0)).join(' '),
      ratio(base, rate),
    ];
  });
  const rounds = cases[0]?.perRound.length ?? 0;
  return renderTable(
    [
      'appends (one writer, each awaited)',
      `/s (median of ${rounds})`,
      'ms each',
      'per round /s',
      'time vs 1st baseline',
    ],
    rows,
  );
};

export const latencyTable = (
  relayIntervalMs: number,
  figures: Record<LatencyPath, LatencyFigures>,
): string => {
  const label: Record<LatencyPath, string> = {
    bus: 'bare bus: publish → handled',
    storeKicked: 'append → outbox → bus → handled, relay kicked after each append',
    storePolled: `append → outbox → bus → handled, relay polling every ${relayIntervalMs} ms`,
  };
  const bus = figures.bus;
  const rows = (['bus', 'storeKicked', 'storePolled'] as const).map((path) => {
    const f = figures[path];
    return [
      label[path],
      fixed(f.p50, 1),
      fixed(f.p99, 1),
      fixed(f.max, 1),
      `${f.handled}/${f.handled + f.lost}`,
      ratio(f.p50, bus.p50),
      ratio(f.p99, bus.p99),
    ];
  });
  return renderTable(
    ['publish→handled latency', 'p50 ms', 'p99 ms', 'max ms', 'handled', 'p50 vs bus', 'p99 vs bus'],
    rows,
  );
};
