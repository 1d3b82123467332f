// The upload bench's tables: per variant the median time and throughput with the spread, the ratio
// against raw-put (of the medians, and the range of same-round ratios), every run, and where the
// time went (median of each phase).
import { fixed, median } from '../shared/stats';
import { renderTable } from '../shared/table';
import type { RoundsResult, VariantSamples } from './rounds';

const MiB = 1024 * 1024;

const secondsOf = (v: VariantSamples): number[] => v.samples.map((s) => s.seconds);

/** Per round, baseline seconds ÷ variant seconds: the variant's throughput relative to raw-put. */
const pairedRatios = (v: VariantSamples, baseline: VariantSamples): number[] =>
  v.samples.map((s, i) => (baseline.samples[i]?.seconds ?? Number.NaN) / s.seconds);

export const summaryTable = (result: RoundsResult, bytes: number): string => {
  const baseline = result.byVariant.find((v) => v.variant.name === 'raw-put');
  if (!baseline) throw new Error('raw-put, the baseline, did not run');
  const baseMedian = median(secondsOf(baseline));
  const rows = result.byVariant.map((v) => {
    const seconds = secondsOf(v);
    const m = median(seconds);
    const paired = pairedRatios(v, baseline);
    const isBaseline = v === baseline;
    return [
      v.variant.name,
      v.variant.deployment.label,
      fixed(m, 2),
      fixed(bytes / MiB / m, 0),
      fixed(Math.min(...seconds), 2),
      fixed(Math.max(...seconds), 2),
      isBaseline ? '1.00x' : `${fixed(baseMedian / m, 2)}x`,
      isBaseline ? '—' : `${fixed(Math.min(...paired), 2)}–${fixed(Math.max(...paired), 2)}x`,
      isBaseline ? '—' : `${fixed(m / baseMedian, 2)}x`,
    ];
  });
  return renderTable(
    [
      'variant',
      'deployment',
      'median s',
      'MiB/s',
      'min s',
      'max s',
      'throughput vs raw-put',
      'same-round range',
      'time vs raw-put',
    ],
    rows,
  );
};

export const runsTable = (result: RoundsResult): string => {
  const reps = result.byVariant[0]?.samples.length ?? 0;
  const rows = result.byVariant.map((v) => [v.variant.name, ...v.samples.map((s) => fixed(s.seconds, 2))]);
  return renderTable(['variant (s per round)', ...Array.from({ length: reps }, (_, i) => `#${i + 1}`)], rows);
};

export const phasesTable = (result: RoundsResult): string => {
  const rows = result.byVariant.map((v) => {
    const names = v.samples[0]?.phases.map(([name]) => name) ?? [];
    const cells = names.map((name) => {
      const values = v.samples.map((s) => s.phases.find(([n]) => n === name)?.[1] ?? Number.NaN);
      return `${name} ${fixed(median(values), 2)}`;
    });
    return [v.variant.name, cells.join(' · ')];
  });
  return renderTable(['variant', 'median s per phase (in order)'], rows);
};

export const outcomesLine = (result: RoundsResult): string =>
  result.byVariant
    .map((v) => `${v.variant.name}: ${[...v.jobOutcomes].map(([status, n]) => `${n} ${status}`).join(', ')}`)
    .join('; ');

export const cliComponentsLines = (result: RoundsResult): string[] => {
  if (result.cliStartSeconds.length === 0) return [];
  const start = median(result.cliStartSeconds);
  const list = (xs: number[]) => xs.map((x) => fixed(x, 2)).join(', ');
  const node = median(result.nodeStartSeconds);
  const lines = [
    `CLI process start alone (node cli/bin/mediaflow.cjs upload --help, spawn → exit): median ${fixed(start, 2)} s (${list(result.cliStartSeconds)})`,
    `bare node start (node -e 0, spawn → exit): median ${fixed(node, 2)} s (${list(result.nodeStartSeconds)})`,
  ];
  const raw = result.byVariant.find((v) => v.variant.name === 'raw-put');
  if (!raw) return lines;
  // A new process at best starts as fast as bare node and then uploads as fast as raw-put's warm client.
  const rawSeconds = median(secondsOf(raw));
  lines.push(
    `floor of a new process: raw-put ${fixed(rawSeconds, 2)} s + node start ${fixed(node, 2)} s → at best ${fixed(rawSeconds / (rawSeconds + node), 2)}x of raw-put`,
  );
  return lines;
};
