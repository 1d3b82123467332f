// bench/events: append throughput and publish→handled latency of the event store + bus, for the
// embedded adapters (SQLite, on both drivers: node:sqlite and better-sqlite3, each run in a child
// process on the Node it needs) and the AWS adapters on the emulator, each beside its baseline
// measured in the same run. Prints figures; asserts nothing. Knobs: see events/settings.ts.
process.env.LOG_LEVEL ??= 'ERROR'; // the adapters' JSON logs would bury the tables
// The SDK's "node >=22 from 2027" notice is the project's concern, not a figure: keep it off the tables.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { measureAppends } from './events/appends';
import { awsTarget } from './events/aws-target';
import type { BenchTarget } from './events/bench-target';
import { useEmulator } from './events/emulator';
import { driverFiguresTable, driverRatiosTable, runLabel } from './events/driver-report';
import { runEmbedded } from './events/embedded-runs';
import { measureLatency } from './events/latency';
import { appendsTable, latencyTable } from './events/report';
import { loadEventsBenchSettings, type EventsBenchSettings } from './events/settings';
import { describeMachine } from './shared/machine';
import { failBench } from './shared/fail';
import { print } from './shared/table';

const benchTarget = async (
  target: BenchTarget,
  appends: number,
  latencyEvents: number,
  s: EventsBenchSettings,
) => {
  print(`\n== ${target.name}`);
  const rates = await measureAppends(target, appends, s.BENCH_ROUNDS);
  print(`\n${appendsTable(rates)}`);
  const latency = await measureLatency(target, {
    events: latencyEvents,
    meanGapMs: s.BENCH_LATENCY_GAP_MS,
    relayIntervalMs: s.MEDIAFLOW_RELAY_INTERVAL_MS,
  });
  print(latencyTable(s.MEDIAFLOW_RELAY_INTERVAL_MS, latency));
};

const main = async (): Promise<void> => {
  const s = loadEventsBenchSettings();
  const started = performance.now();
  print('bench/events: event store appends/s and publish→handled latency');
  print(`machine: ${describeMachine()}`);
  print(
    `embedded files in ${os.tmpdir()}; appends ${s.BENCH_APPENDS}/round embedded, ${s.BENCH_AWS_APPENDS}/round emulator, ${s.BENCH_ROUNDS} rounds`,
  );
  print(
    `latency: ${s.BENCH_LATENCY_EVENTS} events/path embedded, ${s.BENCH_AWS_LATENCY_EVENTS} emulator, mean gap ${s.BENCH_LATENCY_GAP_MS} ms (exponential), consumer concurrency 4`,
  );

  print('');
  const runs = runEmbedded(s);
  for (const run of runs) {
    print(
      `\n== embedded: SQLite store + SQLite bus, ${runLabel(run)}, SQLite ${run.sqliteVersion}, ${run.module}`,
    );
    print(`\n${appendsTable(run.appends)}`);
    print(latencyTable(s.MEDIAFLOW_RELAY_INTERVAL_MS, run.latency));
  }
  print('\n== embedded, driver by driver');
  print(driverFiguresTable(runs));
  print(driverRatiosTable(runs));

  if (s.BENCH_SKIP_AWS === '1') {
    print('\n(emulator half skipped: BENCH_SKIP_AWS=1)');
  } else {
    const emulator = await useEmulator();
    print(`\nemulator endpoint: ${emulator.endpoint} (${emulator.description})`);
    print('NOTE: these figures measure the emulator (a single Python process on this machine), not AWS.');
    const aws = await awsTarget();
    try {
      await benchTarget(aws, s.BENCH_AWS_APPENDS, s.BENCH_AWS_LATENCY_EVENTS, s);
    } finally {
      await aws.dispose();
      emulator.stop();
    }
  }
  print(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

main().catch(failBench('bench/events'));
