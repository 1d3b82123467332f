// bench/dispatch: a seeded discrete-event simulation of the seed workload (5,000 uploads/day with
// bursts) through three ways of starting Fargate runners; prints time to start and cost per policy,
// a cold-start sensitivity sweep and a floor sweep for the hybrid. Simulated time: it runs in seconds.
import { performance } from 'node:perf_hooks';
import { evaluate, POLICIES } from './dispatch/evaluate';
import { seedModel, withColdStart, withFloor } from './dispatch/model';
import { describeModel, figuresRow, figuresTable } from './dispatch/report';
import { loadDispatchBenchSettings } from './dispatch/settings';
import { generateJobs, longestGap, peakPerMinute } from './dispatch/workload';
import { fixed, median } from './shared/stats';
import { print } from './shared/table';

const main = (): void => {
  const s = loadDispatchBenchSettings();
  const started = performance.now();
  const m = seedModel;
  print('bench/dispatch: RunTask per job vs a warm queue-fed service vs a hybrid (warm floor + RunTask burst)');
  print(describeModel(m));
  const samples = Array.from({ length: s.seeds }, (_, i) => generateJobs(m.workload, i + 1, s.days));
  print(
    `seeds 1..${s.seeds}, ${s.days} day(s) each: uploads/day median ${fixed(median(samples.map((j) => j.length / s.days)), 0)}, ` +
      `peak per minute median ${fixed(median(samples.map(peakPerMinute)), 0)}, ` +
      `longest quiet gap median ${fixed(median(samples.map(longestGap)) / 60, 0)} min`,
  );
  print('\nThe three policies, seed workload (medians over seeds)');
  print(figuresTable(POLICIES.map((p) => figuresRow(p, evaluate(m, p, s.seeds, s.days)))));

  print('Sensitivity: cold-start median (the assumption with the widest spread)');
  print(
    figuresTable(
      s.coldStartMedians.flatMap((c) => POLICIES.map((p) => figuresRow(`${p} @ ${c} s`, evaluate(withColdStart(m, c), p, s.seeds, s.days)))),
    ),
  );

  print('Hybrid floor sweep (floor 0 = RunTask per job with nothing warm), at each cold-start median');
  print(
    figuresTable(
      s.coldStartMedians.flatMap((c) =>
        s.floors.map((f) => figuresRow(`floor ${f} @ ${c} s`, evaluate(withFloor(withColdStart(m, c), f), 'hybrid', s.seeds, s.days))),
      ),
    ),
  );
  print(`(simulated ${s.seeds} seed(s) x ${s.days} day(s) per row in ${fixed((performance.now() - started) / 1000, 1)} s of wall time)`);
};

main();
