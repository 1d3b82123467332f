// The e2e bench's tables: every run's throughput, latency and overhead, the pipeline's phases, and
// the ratios against the baselines measured in the same run.
import { fixed, median, percentile, ratio } from '../shared/stats';
import { renderTable } from '../shared/table';
import {
  jobsPerMinute,
  outsideRunnerSeconds,
  overheadSeconds,
  type JobTiming,
  type PipelinePhases,
  type RunTimings,
} from './job-timing';

const p50p99 = (values: readonly number[]): [string, string] => [
  fixed(percentile(values, 50), 2),
  fixed(percentile(values, 99), 2),
];

export const runsTable = (runs: readonly RunTimings[]): string =>
  renderTable(
    [
      'run',
      'jobs',
      'wall s',
      'jobs/min',
      'latency p50',
      'p99',
      'ffmpeg p50',
      'transcodeSeconds p50',
      'overhead p50',
      'p99',
      'outside runner p50',
    ],
    runs.map((run) => [
      run.name,
      String(run.jobs.length),
      fixed(run.wallSeconds, 2),
      fixed(jobsPerMinute(run), 1),
      ...p50p99(run.jobs.map((j) => j.latencySeconds)),
      fixed(median(run.jobs.map((j) => j.ffmpeg.busySeconds)), 2),
      fixed(median(run.jobs.map((j) => j.transcodeSeconds ?? Number.NaN)), 2),
      ...p50p99(run.jobs.map(overheadSeconds)),
      fixed(median(run.jobs.map(outsideRunnerSeconds)), 2),
    ]),
  );

const PHASES: ReadonlyArray<[keyof PipelinePhases | 'ffmpeg', string]> = [
  ['toValidated', 'complete → JobValidated'],
  ['toStarted', 'JobValidated → TranscodeStarted'],
  ['toFfmpeg', 'TranscodeStarted → first ffmpeg'],
  ['ffmpeg', 'ffmpeg (busy)'],
  ['afterFfmpeg', 'last ffmpeg → JobCompleted'],
];

const phaseOf = (job: JobTiming, phase: keyof PipelinePhases | 'ffmpeg'): number =>
  phase === 'ffmpeg' ? job.ffmpeg.busySeconds : (job.phases?.[phase] ?? Number.NaN);

/** Where a pipeline job's time went, phase by phase: p50 / p99 per run. */
export const phasesTable = (runs: readonly RunTimings[]): string =>
  renderTable(
    ['phase (s, p50 / p99)', ...runs.map((r) => r.name)],
    PHASES.map(([phase, label]) => [
      label,
      ...runs.map((run) => p50p99(run.jobs.map((j) => phaseOf(j, phase))).join(' / ')),
    ]),
  );

interface RatioInputs {
  readonly concurrent: RunTimings;
  readonly serial?: RunTimings;
  readonly sequential: RunTimings;
  readonly parallelAtWidth: RunTimings;
  readonly parallelAll: RunTimings;
}

const p50 = (run: RunTimings, of: (j: JobTiming) => number): number => percentile(run.jobs.map(of), 50);
const latency = (j: JobTiming): number => j.latencySeconds;

export const ratioLines = (r: RatioInputs): string[] => {
  const lines = [
    `throughput, ${r.concurrent.name} vs ${r.parallelAtWidth.name}: ${fixed(jobsPerMinute(r.concurrent), 1)} vs ${fixed(jobsPerMinute(r.parallelAtWidth), 1)} jobs/min = ${ratio(jobsPerMinute(r.concurrent), jobsPerMinute(r.parallelAtWidth))}`,
    `throughput, ${r.concurrent.name} vs ${r.parallelAll.name}: ${ratio(jobsPerMinute(r.concurrent), jobsPerMinute(r.parallelAll))}; vs ${r.sequential.name}: ${ratio(jobsPerMinute(r.concurrent), jobsPerMinute(r.sequential))}`,
    `latency p50, ${r.concurrent.name} vs ${r.parallelAtWidth.name}: ${fixed(p50(r.concurrent, latency), 2)} vs ${fixed(p50(r.parallelAtWidth, latency), 2)} s = ${ratio(p50(r.concurrent, latency), p50(r.parallelAtWidth, latency))}`,
  ];
  if (r.serial) {
    const [pipe, base] = [p50(r.serial, latency), p50(r.sequential, latency)];
    lines.push(
      `latency p50 of a job alone, ${r.serial.name} vs ${r.sequential.name}: ${fixed(pipe, 2)} vs ${fixed(base, 2)} s = ${ratio(pipe, base)} (+${fixed(pipe - base, 2)} s per job)`,
      `overhead p50 of a job alone (latency − its ffmpeg): pipeline ${fixed(p50(r.serial, overheadSeconds), 2)} s, baseline ${fixed(p50(r.sequential, overheadSeconds), 2)} s`,
    );
  }
  const transcode = r.sequential.jobs.map((j) => j.transcodeSeconds ?? Number.NaN);
  lines.push(
    `the runner's own transcodeSeconds vs the wrapper's ffmpeg time (${r.sequential.name}, median): ${fixed(median(transcode), 3)} vs ${fixed(median(r.sequential.jobs.map((j) => j.ffmpeg.busySeconds)), 3)} s`,
  );
  return lines;
};

const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

/** Issue 15's goals, each against its figure from this run. */
export const goalLines = (r: RatioInputs): string[] => {
  const lines: string[] = [];
  if (r.serial) {
    const overhead = r.serial.jobs.map(overheadSeconds);
    const [o50, o99] = [percentile(overhead, 50), percentile(overhead, 99)];
    lines.push(
      `overhead beyond ffmpeg of a job alone (${r.serial.name}): p50 ${fixed(o50, 2)} s ≤ 0.20 s ${verdict(o50 <= 0.2)}; p99 ${fixed(o99, 2)} s ≤ 0.30 s ${verdict(o99 <= 0.3)}`,
    );
  }
  const throughput = jobsPerMinute(r.concurrent) / jobsPerMinute(r.parallelAtWidth);
  lines.push(
    `throughput, ${r.concurrent.name} vs ${r.parallelAtWidth.name}: ${fixed(throughput, 2)}x ≥ 0.80x ${verdict(throughput >= 0.8)}`,
  );
  const toFfmpeg = percentile(
    r.concurrent.jobs.map((j) => j.phases?.toFfmpeg ?? Number.NaN),
    99,
  );
  lines.push(
    `TranscodeStarted → first ffmpeg, ${r.concurrent.name}: p99 ${fixed(toFfmpeg, 2)} s ≤ 0.50 s ${verdict(toFfmpeg <= 0.5)}`,
  );
  return lines;
};
