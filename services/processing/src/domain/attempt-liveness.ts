// Is a running attempt alive? Judged from when it last gave a sign of life (its dispatch, its
// TranscodeStarted, a TranscodeProgressed, or TranscodeRunnerBegan in older streams, as recorded) and what its runner says. Pure: the
// watchdog gathers the facts.
interface RecordedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
}

export type RunnerLiveness =
  /** Waiting for a slot (pool queue, Fargate provisioning): it cannot report yet, so it cannot stall. */
  | { readonly state: 'queued' }
  | { readonly state: 'running'; readonly since: Date }
  /**
   * No such runner any more (its process died, or it was never in this process's pool). `cause`
   * 'host-restarted': the dispatcher knows the runner belonged to an earlier run of the process that
   * hosts it (the embedded pool before a restart), so it ended with that process, not by its media's
   * fault. Dispatchers that cannot tell (ECS) never set it.
   */
  | { readonly state: 'gone'; readonly cause?: 'host-restarted' };

type AttemptHealth = 'healthy' | 'waiting' | 'stalled' | 'lost';

const attemptOfData = (data: unknown): number | undefined => {
  const attempt = (data as { attempt?: unknown } | null)?.attempt;
  return typeof attempt === 'number' ? attempt : undefined;
};

/** When `attempt` last showed life in its stream, in ms since the epoch (undefined: never). */
export const lastSignOfLife = (events: readonly RecordedEvent[], attempt: number): number | undefined => {
  let last: number | undefined;
  for (const e of events) {
    if (
      (e.type === 'TranscodeAttemptDispatched' ||
        e.type === 'TranscodeStarted' ||
        e.type === 'TranscodeRunnerBegan' ||
        e.type === 'TranscodeProgressed') &&
      attemptOfData(e.data) === attempt
    ) {
      last = Date.parse(e.occurredAt);
    }
  }
  return last;
};

export const judgeAttempt = (
  lastSignMs: number | undefined,
  runner: RunnerLiveness,
  nowMs: number,
  stallMs: number,
): AttemptHealth => {
  if (runner.state === 'gone') return 'lost';
  if (runner.state === 'queued') return 'waiting';
  // A runner that waited in a queue starts its stall clock when it really began.
  const since = Math.max(lastSignMs ?? 0, runner.since.getTime());
  return nowMs - since > stallMs ? 'stalled' : 'healthy';
};
