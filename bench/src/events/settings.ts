// The events bench's knobs, read once from the environment (defaults sized to finish in ~2 minutes
// on a 2-core machine that is busy with other work).
import { z } from 'zod';

/** An embedded run: a SQLite driver on a Node (24: the pinned line; local: the Node running the bench). */
export const EMBEDDED_RUNS = ['node:sqlite@24', 'better-sqlite3@24', 'better-sqlite3@local'] as const;
export type EmbeddedRunId = (typeof EMBEDDED_RUNS)[number];

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const EventsBenchEnvSchema = z.object({
  /** Appends per round, embedded (SQLite) store and its raw-INSERT baseline. */
  BENCH_APPENDS: count(500),
  /** Appends per round against the emulator (DynamoDB store and its raw PutItem baseline). */
  BENCH_AWS_APPENDS: count(100),
  /** Rounds of each append measurement; the median is reported. Order alternates per round. */
  BENCH_ROUNDS: count(5),
  /** Events whose publish→handled latency is measured, per path, embedded. */
  BENCH_LATENCY_EVENTS: count(200),
  /** Same, on the emulator. */
  BENCH_AWS_LATENCY_EVENTS: count(50),
  /** Pause between two measured events, so each one travels alone (latency, not queueing). */
  BENCH_LATENCY_GAP_MS: count(15),
  /** The relay's idle poll interval: the production default (MEDIAFLOW_RELAY_INTERVAL_MS) unless set. */
  MEDIAFLOW_RELAY_INTERVAL_MS: count(200),
  /**
   * The embedded runs, each in its own child process: node:sqlite and better-sqlite3 on the pinned
   * Node 24 (the fair comparison: same Node), and better-sqlite3 on the Node running the bench.
   */
  BENCH_DRIVERS: z
    .string()
    .default(EMBEDDED_RUNS.join(','))
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(EMBEDDED_RUNS)).min(1)),
  /** Passes over the embedded runs, alternately in opposite orders; rounds and events are split among them. */
  BENCH_DRIVER_PASSES: count(2),
  /** "1" skips the emulator half. */
  BENCH_SKIP_AWS: z.enum(['0', '1']).default('0'),
  AWS_ENDPOINT_URL: z.string().url().optional(),
});

export type EventsBenchSettings = z.infer<typeof EventsBenchEnvSchema>;

export const loadEventsBenchSettings = (env: NodeJS.ProcessEnv = process.env): EventsBenchSettings =>
  EventsBenchEnvSchema.parse(env);
