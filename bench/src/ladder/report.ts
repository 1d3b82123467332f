// The ladder bench's printed tables: medians per variant, then the ratios the issue asks for.
import { fixed, median, ratio } from '../shared/stats';
import { renderTable } from '../shared/table';
import type { Measurements, RunFigures } from './measure';
import type { VariantName } from './variants';

const LABELS: Record<VariantName, string> = {
  runner: '(a) runner: FfmpegTranscoder.transcode',
  single: '(b) hand-written single ffmpeg command',
  perRung: '(c) one ffmpeg per rung, sequential',
  perRungParallel: "(c') one ffmpeg per rung, all in parallel",
};

interface Medians {
  readonly wall: number;
  readonly ffmpegCpu: number;
  readonly nodeCpu: number;
}

const mediansOf = (runs: readonly RunFigures[]): Medians => ({
  wall: median(runs.map((r) => r.wall)),
  ffmpegCpu: median(runs.map((r) => r.ffmpegCpu)),
  nodeCpu: median(runs.map((r) => r.nodeCpu)),
});

export const variantsTable = (
  measured: Measurements,
  variants: readonly VariantName[],
  processes: (v: VariantName) => number,
): string =>
  renderTable(
    ['variant', 'procs', 'wall s', 'ffmpeg CPU s', 'node CPU s', 'CPU/wall', 'wall per run'],
    variants.map((v) => {
      const m = mediansOf(measured[v]);
      return [
        LABELS[v],
        String(processes(v)),
        fixed(m.wall, 2),
        fixed(m.ffmpegCpu, 2),
        fixed(m.nodeCpu, 2),
        fixed((m.ffmpegCpu + m.nodeCpu) / m.wall, 2),
        measured[v].map((r) => fixed(r.wall, 1)).join(' '),
      ];
    }),
  );

const ratioLine = (label: string, a: Medians, b: Medians): string[] => [
  label,
  ratio(a.wall, b.wall),
  ratio(a.ffmpegCpu + a.nodeCpu, b.ffmpegCpu + b.nodeCpu),
];

/** a_i / b_i of the runs made back to back in each repetition: robust to load drifting between repetitions. */
const pairedWallRatios = (a: readonly RunFigures[], b: readonly RunFigures[]): number[] =>
  a.slice(0, b.length).map((run, i) => run.wall / (b[i]?.wall ?? Number.NaN));

/**
 * The runner against the hand-written command on the median of the back-to-back a/b pairs (each pair
 * ran under the same load, unlike the medians of a and b); flagged as noise-limited when the pairs
 * land on both sides of the limit (other work on the machine, too few repetitions).
 */
export const verdict = (paired: readonly number[], tolerance: number): string => {
  const limit = 1 + tolerance;
  const over = median(paired) - 1;
  const sign = over >= 0 ? '+' : '';
  const line = `${over <= tolerance ? 'PASS' : 'FAIL'}: runner wall ${sign}${fixed(over * 100, 1)} % vs the hand-written command, median of ${paired.length} pairs (limit +${fixed(tolerance * 100, 0)} %)`;
  const noisy = paired.some((r) => r > limit) && paired.some((r) => r <= limit);
  return noisy
    ? `${line}\n  noise-limited: the pairs fall on both sides of the limit; rerun on a quieter machine or with more repetitions (BENCH_LADDER_VARIANTS=runner,single BENCH_LADDER_REPS=9)`
    : line;
};

/** The ratios the issue asks for (those whose variants ran), the a/b pairs and the verdict. */
export const summary = (measured: Measurements, tolerance: number): string => {
  const has = (v: VariantName): boolean => measured[v].length > 0;
  const m = (v: VariantName): Medians => mediansOf(measured[v]);
  const rows: string[][] = [];
  if (has('runner') && has('single'))
    rows.push(ratioLine('a/b  runner / hand-written single command', m('runner'), m('single')));
  if (has('single') && has('perRung'))
    rows.push(ratioLine('b/c  single command / per-rung sequential', m('single'), m('perRung')));
  if (has('single') && has('perRungParallel'))
    rows.push(ratioLine("b/c' single command / per-rung in parallel", m('single'), m('perRungParallel')));
  const lines = [renderTable(['ratio (medians)', 'wall', 'CPU (ffmpeg+node)'], rows)];
  if (has('single') && has('perRung'))
    lines.push('reference: the issue quotes ~0.74x wall for b/c on a 2-core machine');
  if (has('runner') && has('single')) {
    const paired = pairedWallRatios(measured.runner, measured.single);
    lines.push(`a/b wall of each back-to-back pair: ${paired.map((r) => fixed(r, 3)).join(' ')}`);
    lines.push(verdict(paired, tolerance));
    lines.push(runnerOwnTime(measured.runner, mediansOf(measured.single).wall, tolerance));
  }
  return lines.join('\n');
};

/**
 * The same question without the noise between runs: the runner's wall minus its own ffmpeg's
 * lifetime, in the same run, is what the runner adds (spawn set-up, the sandbox wrappers, staging, renames).
 */
const runnerOwnTime = (runs: readonly RunFigures[], singleWall: number, tolerance: number): string => {
  const own = median(runs.map((r) => r.wall - (r.runnerFfmpegWall ?? Number.NaN)));
  const share = own / singleWall;
  const verdictWord = share <= tolerance ? 'PASS' : 'FAIL';
  const same = runs.filter((r) => r.runnerArgvIsSingle).length;
  return [
    `${verdictWord} (same-run): the runner adds ${fixed(own, 3)} s outside its ffmpeg process (median), ${fixed(share * 100, 2)} % of (b)'s median wall`,
    `  its ffmpeg ran exactly (b)'s argv in ${same}/${runs.length} runs${same === runs.length ? '' : ': the decomposition does not hold for the others'}`,
  ].join('\n');
};
