// The embedded half of bench/events: one child process per (driver, Node) run, so node:sqlite and
// better-sqlite3 are measured on the same Node (the pinned 24: node:sqlite needs ≥ 22.13, and the
// repo's better-sqlite3 is built for the Node that installed it), plus better-sqlite3 on the Node
// running the bench. Passes alternate in opposite orders; each run's rounds and samples are pooled.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqliteDriver } from '@mediaflow/sqlite';
import { print } from '../shared/table';
import type { AppendCase } from './appends';
import { latencyFigures, type LatencyFigures, type LatencyPath } from './latency';
import type { EmbeddedRunId, EventsBenchSettings } from './settings';

export interface EmbeddedRunResult {
  readonly driver: SqliteDriver;
  /** process.versions.node of the child. */
  readonly node: string;
  /** Where the driver came from: node:sqlite, or the better-sqlite3 folder the child loaded. */
  readonly module: string;
  readonly sqliteVersion: string;
  readonly appends: AppendCase[];
  readonly latency: Record<LatencyPath, LatencyFigures>;
}

export interface EmbeddedRun extends EmbeddedRunResult {
  readonly id: EmbeddedRunId;
}

interface RunPlan {
  readonly id: EmbeddedRunId;
  readonly driver: SqliteDriver;
  readonly node: string;
  /** Extra `--import`s and environment of the child (the better-sqlite3 redirect on Node 24). */
  readonly imports: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

const REPO = path.resolve(__dirname, '..', '..', '..');
const BENCH = path.join(REPO, 'bench');
const CHILD = path.join(__dirname, 'embedded-run-child.ts');
const REDIRECT = path.join(__dirname, 'redirect-better-sqlite3.ts');

/** Runs one of the repo's scripts/ on this Node; its stdout (a folder) is the answer, its stderr shows. */
const scriptAnswer = (script: string, arg: string): string =>
  execFileSync(process.execPath, [path.join(REPO, 'scripts', script), arg], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();

const planRuns = (ids: readonly EmbeddedRunId[]): RunPlan[] => {
  const needs24 = ids.some((id) => id.endsWith('@24'));
  const node24 = needs24 ? path.join(scriptAnswer('node-line.mjs', '24'), 'node') : '';
  const betterSqlite3For24 = ids.includes('better-sqlite3@24')
    ? scriptAnswer('better-sqlite3-line.mjs', '24')
    : '';
  const plans: Record<EmbeddedRunId, RunPlan> = {
    'node:sqlite@24': { id: 'node:sqlite@24', driver: 'node:sqlite', node: node24, imports: [], env: {} },
    'better-sqlite3@24': {
      id: 'better-sqlite3@24',
      driver: 'better-sqlite3',
      node: node24,
      imports: [REDIRECT],
      env: { BENCH_BETTER_SQLITE3_PREFIX: betterSqlite3For24 },
    },
    'better-sqlite3@local': {
      id: 'better-sqlite3@local',
      driver: 'better-sqlite3',
      node: process.execPath,
      imports: [],
      env: {},
    },
  };
  return ids.map((id) => plans[id]);
};

const runChild = (plan: RunPlan, env: NodeJS.ProcessEnv): EmbeddedRunResult => {
  const resultFile = path.join(
    os.tmpdir(),
    `mediaflow-bench-events-${process.pid}-${plan.id.replace(/\W/g, '-')}.json`,
  );
  fs.rmSync(resultFile, { force: true });
  const r = spawnSync(
    plan.node,
    ['--import', 'tsx', ...plan.imports.flatMap((i) => ['--import', i]), CHILD],
    {
      cwd: BENCH,
      env: { ...env, ...plan.env, BENCH_SQLITE_DRIVER: plan.driver, BENCH_EVENTS_RESULT_FILE: resultFile },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0 || !fs.existsSync(resultFile)) {
    throw new Error(
      `embedded run ${plan.id} (${plan.node}) failed: exit ${r.status ?? r.signal ?? r.error?.message}`,
    );
  }
  try {
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EmbeddedRunResult;
  } finally {
    fs.rmSync(resultFile, { force: true });
  }
};

const pool = (id: EmbeddedRunId, results: readonly EmbeddedRunResult[]): EmbeddedRun => {
  const [first, ...rest] = results;
  if (!first) throw new Error(`embedded run ${id} has no results`);
  const all = [first, ...rest];
  const latency = (p: LatencyPath): LatencyFigures =>
    latencyFigures(
      all.flatMap((r) => r.latency[p].samples),
      all.reduce((sum, r) => sum + r.latency[p].lost, 0),
    );
  return {
    ...first,
    id,
    appends: first.appends.map((c, i) => ({
      ...c,
      perRound: all.flatMap((r) => r.appends[i]?.perRound ?? []),
    })),
    latency: {
      bus: latency('bus'),
      storeKicked: latency('storeKicked'),
      storePolled: latency('storePolled'),
    },
  };
};

export const runEmbedded = (s: EventsBenchSettings): EmbeddedRun[] => {
  const plans = planRuns(s.BENCH_DRIVERS);
  const passes = s.BENCH_DRIVER_PASSES;
  const env = {
    ...process.env,
    BENCH_ROUNDS: String(Math.ceil(s.BENCH_ROUNDS / passes)),
    BENCH_LATENCY_EVENTS: String(Math.ceil(s.BENCH_LATENCY_EVENTS / passes)),
  };
  print(
    `embedded runs, one child process each (node --import tsx), ${passes} pass(es) in alternating order, ${env.BENCH_ROUNDS} rounds and ${env.BENCH_LATENCY_EVENTS} events/path per pass:`,
  );
  for (const p of plans)
    print(
      `  ${p.id.padEnd(20)} ${p.node}${p.env.BENCH_BETTER_SQLITE3_PREFIX ? `, better-sqlite3 from ${p.env.BENCH_BETTER_SQLITE3_PREFIX}` : ''}`,
    );
  const results = new Map<EmbeddedRunId, EmbeddedRunResult[]>(plans.map((p) => [p.id, []]));
  for (let pass = 0; pass < passes; pass++) {
    const order = pass % 2 ? [...plans].reverse() : plans;
    const times: string[] = [];
    for (const plan of order) {
      const started = performance.now();
      results.get(plan.id)?.push(runChild(plan, env));
      times.push(`${plan.id} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    print(`  pass ${pass + 1}/${passes}: ${times.join(', ')}`);
  }
  return plans.map((p) => pool(p.id, results.get(p.id) ?? []));
};
