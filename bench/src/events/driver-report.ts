// The two-driver tables of bench/events: each embedded run's medians side by side, then the ratios
// that make the driver choice a figure (node:sqlite vs better-sqlite3 on the same Node, and the
// default each Node line gets).
import { fixed, ratio } from '../shared/stats';
import { renderTable } from '../shared/table';
import { medianRate } from './appends';
import type { EmbeddedRun } from './embedded-runs';
import type { LatencyPath } from './latency';
import type { EmbeddedRunId } from './settings';

const PATHS: readonly LatencyPath[] = ['bus', 'storeKicked', 'storePolled'];
const PATH_LABEL: Record<LatencyPath, string> = { bus: 'bus', storeKicked: 'kicked', storePolled: 'polled' };
// The append cases in the order measureAppends lists them: the two baselines, then the two store cases.
const APPEND_LABEL = ['raw INSERT', 'INSERT+outbox tx', 'append new stream', 'append one stream'];

export const runLabel = (run: EmbeddedRun): string => `${run.driver} (Node ${run.node})`;

/** Medians per run: appends/s of every case, latency p50/p99 of every path. */
export const driverFiguresTable = (runs: readonly EmbeddedRun[]): string => {
  const rounds = runs[0]?.appends[0]?.perRound.length ?? 0;
  const header = [
    `driver (Node), SQLite`,
    ...APPEND_LABEL.map((l) => `${l} /s`),
    ...PATHS.map((p) => `${PATH_LABEL[p]} p50/p99 ms`),
  ];
  const rows = runs.map((run) => [
    `${runLabel(run)}, ${run.sqliteVersion}`,
    ...run.appends.map((c) => fixed(medianRate(c), 0)),
    ...PATHS.map((p) => `${fixed(run.latency[p].p50, 1)}/${fixed(run.latency[p].p99, 1)}`),
  ]);
  return `appends/s: median of ${rounds} rounds; latency: p50/p99 of ${runs[0]?.latency.bus.handled ?? 0} events per path\n${renderTable(header, rows)}`;
};

const COMPARISONS: ReadonlyArray<readonly [EmbeddedRunId, EmbeddedRunId, string]> = [
  ['node:sqlite@24', 'better-sqlite3@24', 'same Node: the driver alone'],
  ['better-sqlite3@local', 'better-sqlite3@24', 'same driver: the Node alone'],
  ['node:sqlite@24', 'better-sqlite3@local', 'each line’s default'],
];

/** a ÷ b for every figure: appends/s (>1: a is faster), latency p50 and p99 (<1: a is faster). */
export const driverRatiosTable = (runs: readonly EmbeddedRun[]): string => {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const rows = COMPARISONS.flatMap(([aId, bId, what]) => {
    const [a, b] = [byId.get(aId), byId.get(bId)];
    if (!a || !b) return [];
    return [
      [
        `${runLabel(a)} vs ${runLabel(b)} (${what})`,
        ...a.appends.map((c, i) =>
          ratio(medianRate(c), b.appends[i] ? medianRate(b.appends[i]) : Number.NaN),
        ),
        ...PATHS.map(
          (p) => `${ratio(a.latency[p].p50, b.latency[p].p50)}/${ratio(a.latency[p].p99, b.latency[p].p99)}`,
        ),
      ],
    ];
  });
  if (rows.length === 0) return '(no two runs to compare: see BENCH_DRIVERS)\n';
  const header = [
    'ratio a ÷ b',
    ...APPEND_LABEL.map((l) => `${l} /s`),
    ...PATHS.map((p) => `${PATH_LABEL[p]} p50/p99`),
  ];
  return `ratios: appends/s >1x = a faster; latency <1x = a faster\n${renderTable(header, rows)}`;
};
