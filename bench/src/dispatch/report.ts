// The tables bench/dispatch prints.
import { fixed } from '../shared/stats';
import { renderTable, type Row } from '../shared/table';
import { taskPricePerSecond, type DispatchModel } from './model';
import type { PolicyFigures } from './outcome';

const HEADER: Row = ['policy', 'p50 s', 'p99 s', 'max s', '<= 2 min', '$/day', '$/job', 'tasks/day', 'billed h', 'idle h'];

export const figuresRow = (label: string, f: PolicyFigures): Row => [
  label,
  fixed(f.p50, 1),
  fixed(f.p99, 1),
  fixed(f.max, 1),
  `${fixed(f.withinBudget * 100, 2)} %`,
  fixed(f.costPerDay, 2),
  fixed(f.costPerJob, 4),
  fixed(f.tasksLaunched, 0),
  fixed(f.billedHours, 1),
  fixed(f.idleHours, 1),
];

export const figuresTable = (rows: readonly Row[]): string => renderTable(HEADER, rows);

export const describeModel = (m: DispatchModel): string => {
  const { workload: w, fargate: f, warm, hybrid } = m;
  return [
    `workload: ${w.uploadsPerDay} uploads/day, diurnal (nights 02-05 h at ${w.hourlyWeights[3]} of the peak hour's weight ${Math.max(...w.hourlyWeights)}), ` +
      `${w.burstsPerDay} bursts/day of ${w.burstSize[0]}-${w.burstSize[1]} uploads within a minute (${w.burstHours[0]}-${w.burstHours[1]} h), ` +
      `transcode lognormal median ${w.transcodeMedian} s sigma ${w.transcodeSigma}, upload -> dispatch ${w.pipelineSeconds} s`,
    `fargate: cold start lognormal median ${f.coldStartMedian} s sigma ${f.coldStartSigma} (first ${f.unbilledStartSeconds} s unbilled), ` +
      `launch bucket ${f.launchBurst} burst ${f.launchPerSecond}/s, runner ${f.vcpu} vCPU ${f.memoryGiB} GiB ${f.ephemeralGiB} GiB disk = ` +
      `$${fixed(taskPricePerSecond(f) * 3600, 4)}/h, min ${f.minimumBilledSeconds} s billed, poll ${f.pollSeconds} s`,
    `warm service: min 0 max ${warm.maxTasks}, backlog metric every ${warm.metricPeriod} s seen ${warm.metricLagPeriods} period(s) late, ` +
      `scale-out after ${warm.scaleOutDatapoints} datapoint(s), scale-in after ${warm.scaleInDatapoints}, ${warm.backlogPerTask} job/task`,
    `hybrid: floor ${hybrid.floor} warm runners while an upload came in the last ${hybrid.activeWindow / 60} min, RunTask for the rest`,
    `budget: upload complete -> transcode start <= ${m.budgetSeconds} s`,
  ].join('\n');
};
